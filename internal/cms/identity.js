// Loa: the page an invited official lands on. The e-mails of Netlify
// Identity (the templates under quan-tri/thu/) link to
// /quan-tri/#invite_token=…, #recovery_token=… or #confirmation_token=…;
// Decap CMS handles none of them without netlify-identity-widget. This
// script runs before Decap: on such a link it holds the editor back
// (CMS_MANUAL_INIT), asks for a password in Vietnamese, sends it to the
// GoTrue API of Netlify Identity on the same origin, and then starts the
// editor, whose login form takes the e-mail and the new password.
//
// The calls are those of gotrue-js (src/index.js acceptInvite, verify;
// src/user.js update) and gotrue's api/verify.go and api/user.go:
// invite: POST /verify {type: "signup", token, password};
// recovery: POST /verify {type: "recovery", token} gives an access_token,
// then PUT /user {password} with Authorization: Bearer access_token;
// confirmation: POST /verify {type: "signup", token}.
// It also puts Decap's login form's placeholders in Vietnamese.
(function () {
  "use strict";
  // Decap's own login form (the one of git-gateway without the widget)
  // has English placeholders, which no phrase of its locale changes.
  var placeholders = { Email: "Địa chỉ thư điện tử", Password: "Mật khẩu" };
  new MutationObserver(function () {
    document.querySelectorAll('form input[name=email][placeholder=Email], form input[name=password][placeholder=Password]').forEach(function (i) {
      i.placeholder = placeholders[i.placeholder];
      i.setAttribute("aria-label", i.placeholder);
    });
  }).observe(document.body, { childList: true, subtree: true });

  var m = /^#(invite|recovery|confirmation)_token=([^&]+)/.exec(location.hash);
  if (!m) { return; }
  window.CMS_MANUAL_INIT = true;
  var kind = m[1], token = decodeURIComponent(m[2]);
  var api = "/.netlify/identity";
  var box = document.createElement("main");
  box.style.cssText = "max-width:28rem;margin:2rem auto;padding:0 1rem;font:18px/1.5 sans-serif";
  var status = document.createElement("p");
  status.setAttribute("role", "alert");

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    return e;
  }

  // call sends body as JSON and resolves to the answer's JSON; it rejects
  // with the Vietnamese message to show.
  function call(method, path, body, bearer) {
    var headers = { "Content-Type": "application/json" };
    if (bearer) { headers.Authorization = "Bearer " + bearer; }
    return fetch(api + path, { method: method, headers: headers, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (json) {
          if (res.ok) { return json; }
          throw new Error(refused(res.status, json));
        });
      }, function () {
        throw new Error("Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi bấm lại.");
      });
  }

  // refused says in Vietnamese why GoTrue refused, and what to do.
  function refused(code, json) {
    if (code === 404 || code === 422 || code === 410) {
      return kind === "recovery" ?
        "Đường dẫn đã hết hạn hoặc đã dùng; hãy nhờ người quản trị gửi lại thư đặt lại mật khẩu." :
        "Đường dẫn đã hết hạn hoặc đã dùng; hãy nhờ người quản trị gửi lại thư mời.";
    }
    var why = json.msg || json.error_description || json.error || "";
    return "Máy chủ từ chối (mã " + code + (why ? ": " + why : "") + "). Hãy thử lại sau, hoặc nhờ người quản trị.";
  }

  function done(text) {
    history.replaceState(null, "", location.pathname + location.search);
    box.textContent = "";
    box.appendChild(status);
    status.textContent = text;
    window.CMS.init();
  }

  function fail(err) {
    status.textContent = err.message;
  }

  if (kind === "confirmation") {
    box.appendChild(el("h1", "Xác nhận địa chỉ thư điện tử"));
    box.appendChild(status);
    status.textContent = "Đang xác nhận…";
    document.body.appendChild(box);
    call("POST", "/verify", { type: "signup", token: token }).then(function () {
      done("Đã xác nhận địa chỉ thư điện tử. Hãy đăng nhập bằng địa chỉ thư điện tử và mật khẩu của bạn.");
    }, fail);
    return;
  }

  function field(id, label) {
    var p = el("p"), l = el("label", label), i = el("input");
    l.htmlFor = id;
    i.id = id;
    i.type = "password";
    i.required = true;
    i.minLength = 8;
    i.autocomplete = "new-password";
    i.style.cssText = "display:block;width:100%;font:inherit;padding:.4rem";
    p.appendChild(l);
    p.appendChild(i);
    return p;
  }

  var form = el("form");
  form.appendChild(el("h1", kind === "invite" ? "Đặt mật khẩu cho tài khoản mới" : "Đặt lại mật khẩu"));
  form.appendChild(el("p", "Mật khẩu có ít nhất 8 ký tự. Hãy ghi nhớ mật khẩu này: bạn dùng nó cùng địa chỉ thư điện tử để đăng nhập."));
  form.appendChild(field("loa-mat-khau", "Mật khẩu mới"));
  form.appendChild(field("loa-nhap-lai", "Nhập lại mật khẩu"));
  var button = el("button", "Đặt mật khẩu");
  button.type = "submit";
  button.style.cssText = "font:inherit;padding:.4rem 1rem";
  form.appendChild(button);
  box.appendChild(form);
  box.appendChild(status);
  document.body.appendChild(box);

  // signedIn spends the recovery token once and keeps the access token it
  // gives, so that a second try after a failed PUT does not spend it again.
  var access;
  function signedIn() {
    if (access) { return Promise.resolve(access); }
    return call("POST", "/verify", { type: "recovery", token: token }).then(function (res) {
      access = res.access_token;
      return access;
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var password = form.elements["loa-mat-khau"].value;
    if (password.length < 8) {
      status.textContent = "Mật khẩu cần ít nhất 8 ký tự.";
      return;
    }
    if (password !== form.elements["loa-nhap-lai"].value) {
      status.textContent = "Hai mật khẩu không giống nhau; hãy gõ lại.";
      return;
    }
    button.disabled = true;
    status.textContent = "Đang đặt mật khẩu…";
    var sent = kind === "invite" ?
      call("POST", "/verify", { type: "signup", token: token, password: password }) :
      signedIn().then(function (access) {
        return call("PUT", "/user", { password: password }, access);
      });
    sent.then(function () {
      done("Đã đặt mật khẩu. Hãy đăng nhập bằng địa chỉ thư điện tử và mật khẩu vừa đặt.");
    }, function (err) {
      button.disabled = false;
      fail(err);
    });
  });
})();
