// Search client for /tim-kiem/ and the header search box. It reads the
// index that internal/search writes (format in internal/search/doc.go) and
// ranks exactly as the Go reference reader in internal/search/reader_test.go.
// Text rules (NFC, lower case, folding, words) mirror internal/vntext; the
// shared vectors in internal/search/testdata/vectors.json keep them equal.
(function () {
  "use strict";

  // ---- Text rules (internal/vntext) ----
  var WORD = /[\p{L}\p{N}\p{M}]/u, MARK = /\p{Mn}/u, BREAK = /[.,;:!?…()[\]{}\n\r]/, MAXLEN = 32;

  function nfc(s) {
    return s.normalize("NFC").replace(/\u00d0/g, "\u0110");
  }
  function lower(c) {
    return c === "\u0130" ? "i" : c.toLowerCase();
  }
  function foldChar(c) {
    var p = c.codePointAt(0), b;
    if (p < 128) return c.toLowerCase();
    if (MARK.test(c)) return "";
    if (p === 0x111 || p === 0x110 || p === 0xd0) return "d";
    if (p >= 0xc0 && p <= 0x24f || p >= 0x1e00 && p <= 0x1eff) {
      b = c.normalize("NFD").charCodeAt(0);
      if (b < 128) return String.fromCharCode(b).toLowerCase();
    }
    return lower(c);
  }
  function fold(s) {
    var out = "";
    for (var c of s) out += foldChar(c);
    return out;
  }
  // words returns the tokens of NFC text s as {w: word, b: break before,
  // i: start, j: end} with UTF-16 offsets into nfc(s).
  function words(s) {
    var out = [], w = "", n = 0, brk = false, i = 0, at = 0;
    s = nfc(s);
    for (var c of s) {
      if (WORD.test(c)) {
        if (!n) at = i;
        if (n < MAXLEN) w += lower(c);
        n++;
      } else {
        if (n) out.push({ w: w, b: brk, i: at, j: i }), w = "", n = 0, brk = false;
        brk = brk || BREAK.test(c);
      }
      i += c.length;
    }
    if (n) out.push({ w: w, b: brk, i: at, j: i });
    return out;
  }

  // ---- Index reading (internal/search) ----
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", VAL = [];
  for (var k = 0; k < 64; k++) VAL[DIGITS.charCodeAt(k)] = k;

  // Reader state: a cache of fetched JSON by URL, and the manifest.
  var base, dir, cache = {}, man;
  function get(url) {
    return cache[url] || (cache[url] = fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    }).catch(function (e) {
      delete cache[url];
      throw e;
    }));
  }
  function manifest() {
    return man || (man = get(dir + "manifest.json").catch(function (e) { man = null; throw e; }));
  }
  function shard(key, n) {
    var h = 0x811c9dc5, b = new TextEncoder().encode(key);
    for (var i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619);
    return (h >>> 0) % n;
  }
  function lookup(m, key) {
    return get(dir + m.id + "/t/" + shard(key, m.shards) + ".json").then(function (s) {
      return Object.prototype.hasOwnProperty.call(s, key) ? s[key] : null;
    });
  }
  // gaps reads varint gaps from s[i:], calling f(document, position after
  // the varint) for each and then skipping skip digits.
  function gaps(s, i, skip, f) {
    for (var d = -1, n, v, sh; i < s.length; i += skip) {
      for (n = 0, sh = 1; ; sh *= 32) {
        v = VAL[s.charCodeAt(i++)];
        n += (v & 31) * sh;
        if (v < 32) break;
      }
      f(d += n + 1, i);
    }
  }
  // eachDoc calls f for each document of an encoded set.
  function eachDoc(s, f) {
    if (s[0] === "d") return gaps(s, 1, 0, f);
    for (var i = 1, v, n; i < s.length; i++) for (v = VAL[s.charCodeAt(i)], n = 0; n < 6; n++) if (v >> n & 1) f((i - 1) * 6 + n);
  }
  // impacts decodes an entry into a Float64Array of impacts, -1 where the
  // term is absent; it keeps the array on the entry.
  function impacts(e, size) {
    if (e.a) return e.a;
    var a = new Float64Array(size).fill(-1), hi = e.i[0], lo = e.i[1], p = e.p;
    if (e.s) eachDoc(e.s, function (d) { a[d] = e.i[2]; });
    gaps(p, 0, 1, function (d, i) { a[d] = lo + (hi - lo) * VAL[p.charCodeAt(i)] / 63; });
    return (e.a = a);
  }
  // exact returns the highest impact of the exact forms of e that ok
  // accepts, -1 where the document holds none of them.
  function exact(e, n, ok) {
    var x = new Float64Array(n).fill(-1);
    Object.keys(e.v).forEach(function (v) {
      if (!ok(v)) return;
      var a = impacts(e.v[v] || e, n);
      for (var d = 0; d < n; d++) if (a[d] > x[d]) x[d] = a[d];
    });
    return x;
  }
  // mix scores a word written with marks: the exactless share of the
  // impact x of its folded form, plus the impact ex of its exact form.
  function mix(r, x, ex) {
    var y = r.exactless * x;
    if (ex >= 0) y = ex + y;
    return y;
  }

  // parse cuts a query into words and pairs; typing makes the last word a
  // prefix unless the query ends with a separator.
  function parse(q, typing, max) {
    var t = words(q), ws = [], pairs = [], s = nfc(q), last = Array.from(s).pop();
    var prefix = typing && t.length > 0 && t.length <= max && WORD.test(last);
    t.slice(0, max).forEach(function (x, i) {
      var w = { e: x.w, f: fold(x.w) };
      w.m = w.e !== w.f;
      if (i && !x.b) {
        var p = ws[i - 1];
        pairs.push({ e: p.e + " " + w.e, f: p.f + " " + w.f, m: p.m || w.m });
      }
      ws.push(w);
    });
    return { words: ws, pairs: pairs, prefix: prefix };
  }

  // scoreWord returns the scores of one query word, -1 where it is absent.
  function scoreWord(m, w, prefix) {
    var n = m.docs, r = m.rank;
    return lookup(m, w.f).then(function (e) {
      var s = new Float64Array(n).fill(-1);
      if (e) {
        var a = impacts(e, n), ex = w.m && exact(e, n, function (v) { return v === w.e; });
        for (var d = 0; d < n; d++) if (a[d] >= 0) s[d] = w.m ? mix(r, a[d], ex[d]) : a[d];
      }
      if (!prefix) return s;
      return lookup(m, w.f + "*").then(function (list) {
        return Promise.all((list || []).map(function (c) { return lookup(m, c); })).then(function (es) {
          es.forEach(function (e) {
            if (!e) return;
            var a = impacts(e, n), ex = w.m && exact(e, n, function (v) { return v.indexOf(w.e) === 0; });
            for (var d = 0; d < n; d++) {
              if (a[d] >= 0) s[d] = Math.max(s[d], r.prefix * (w.m ? mix(r, a[d], ex[d]) : a[d]));
            }
          });
          return s;
        });
      });
    });
  }

  // search answers q: {docs: best first, q: the parsed query}.
  function search(q, typing) {
    return manifest().then(function (m) {
      var pq = parse(q, typing, m.rank.words), n = m.docs;
      if (!pq.words.length) return { docs: [], q: pq, m: m };
      var last = pq.words.length - 1;
      return Promise.all(pq.words.map(function (w, i) { return scoreWord(m, w, pq.prefix && i === last); }).concat(
        pq.pairs.map(function (p) { return lookup(m, p.f); })
      )).then(function (all) {
        var total = all[0], docs = [];
        all.slice(1, pq.words.length).forEach(function (s) {
          for (var d = 0; d < n; d++) total[d] = total[d] >= 0 && s[d] >= 0 ? total[d] + s[d] : -1;
        });
        all.slice(pq.words.length).forEach(function (e, i) {
          if (!e) return;
          var p = pq.pairs[i], a = impacts(e, n), ex = p.m && exact(e, n, function (v) { return v === p.e; });
          for (var d = 0; d < n; d++) {
            if (a[d] >= 0 && total[d] >= 0) total[d] += m.rank.pair * (p.m ? mix(m.rank, a[d], ex[d]) : a[d]);
          }
        });
        for (var d = 0; d < n; d++) if (total[d] >= 0) docs.push(d);
        docs.sort(function (a, b) { return total[b] - total[a] || a - b; });
        return { docs: docs, scores: docs.map(function (d) { return total[d]; }), q: pq, m: m };
      });
    });
  }
  function records(m, ids) {
    return Promise.all(ids.map(function (d) {
      return get(dir + m.id + "/d/" + Math.floor(d / m.chunk) + ".json").then(function (c) { return c[d % m.chunk]; });
    }));
  }

  // ---- Page ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // highlight fills node with text, marking the words that match the query
  // (diacritic-insensitive), and runs of them with only spaces between.
  function highlight(node, text, pq) {
    var want = {}, last = pq.words.length - 1, at = 0, open = null;
    pq.words.forEach(function (w) { want[w.f] = 1; });
    var hits = words(text).filter(function (t) {
      var f = fold(t.w);
      return want[f] || pq.prefix && f.indexOf(pq.words[last].f) === 0;
    });
    text = nfc(text);
    hits.forEach(function (t) {
      if (open && /^\s+$/.test(text.slice(at, t.i))) {
        open.textContent += text.slice(at, t.j);
      } else {
        node.append(text.slice(at, t.i));
        open = node.appendChild(el("mark", "", text.slice(t.i, t.j)));
      }
      at = t.j;
    });
    node.append(text.slice(at));
    return node;
  }
  function item(rec, pq) {
    var li = el("li", "item"), h = li.appendChild(el("h3", "item-title")), a = h.appendChild(el("a"));
    a.href = base + rec[0];
    highlight(a, rec[1], pq);
    var meta = li.appendChild(el("p", "item-meta", rec[2]));
    if (rec[3]) meta.append(" · ", el("time", "", rec[3]));
    if (rec[4]) meta.append(" · " + rec[4]);
    if (rec[5]) highlight(li.appendChild(el("p", "item-sum")), rec[5], pq);
    return li;
  }
  var num = new Intl.NumberFormat("vi-VN");
  function quoted(q) {
    return "«" + q.trim() + "»";
  }

  // Page wires the search page: form, status, results, ?q= and history.
  function page(form) {
    var input = form.querySelector("input[name=q]"), status = document.querySelector("[data-search-status]");
    var list = document.querySelector("[data-search-results]"), more = el("button", "btn more", "Xem thêm kết quả");
    var seq = 0, shown, res, fresh = true, timer, PAGE = 10;
    more.type = "button";
    more.hidden = true;
    list.after(more);
    function say(parts) {
      status.textContent = "";
      status.append.apply(status, parts);
    }
    function show(from) {
      var mine = seq, ids = res.docs.slice(from, from + PAGE);
      return records(res.m, ids).then(function (recs) {
        if (mine !== seq) return;
        if (!from) list.textContent = "";
        recs.forEach(function (r) { list.append(item(r, res.q)); });
        shown = from + ids.length;
        more.hidden = shown >= res.docs.length;
        api.shown = performance.now();
      });
    }
    function run(q, typing) {
      var mine = ++seq;
      api.state = "busy";
      return find(q, typing, mine).then(function () {
        if (mine !== seq) return;
        api.state = "idle";
        api.q = q;
        api.runs++;
      });
    }
    function find(q, typing, mine) {
      if (!q.trim()) {
        list.textContent = "";
        more.hidden = true;
        say(["Nhập từ khóa để tìm, có dấu hoặc không dấu."]);
        return Promise.resolve();
      }
      if (!typing) say(["Đang tìm…"]);
      return search(q, typing).then(function (r) {
        if (mine !== seq) return;
        res = r;
        if (r.docs.length) {
          say([num.format(r.docs.length) + " kết quả cho " + quoted(q) + "."]);
          return show(0);
        }
        list.textContent = "";
        more.hidden = true;
        var parts = ["Không tìm thấy kết quả nào cho " + quoted(q) + ". "], f = fold(nfc(q)).trim();
        if (f !== nfc(q).trim().toLowerCase()) {
          var a = el("a", "", f);
          a.href = "?q=" + encodeURIComponent(f);
          parts.push("Thử tìm không dấu: ", a, ". ");
        }
        say(parts.concat(r.q.words.length > 1 ? "Hãy thử bớt từ hoặc dùng từ khác." : "Hãy kiểm tra chính tả hoặc dùng từ khác."));
      }).catch(function () {
        if (mine === seq) say(["Không tải được chỉ mục tìm kiếm. Hãy thử lại sau."]);
      });
    }
    function setURL(q, push) {
      var u = new URL(location.href);
      if (q) u.searchParams.set("q", q);
      else u.searchParams.delete("q");
      if (u.href !== location.href) history[push ? "pushState" : "replaceState"](null, "", u);
    }
    function fromURL() {
      var q = new URLSearchParams(location.search).get("q") || "";
      input.value = q;
      fresh = true;
      return run(q, false);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      api.state = "busy";
      timer = setTimeout(function () {
        setURL(input.value, fresh);
        fresh = false;
        run(input.value, true);
      }, 120);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      setURL(input.value, fresh);
      fresh = true;
      run(input.value, false);
    });
    more.addEventListener("click", function () {
      var next = shown;
      show(next).then(function () {
        var a = list.children[next] && list.children[next].querySelector("a");
        if (a) a.focus();
      });
    });
    window.addEventListener("popstate", fromURL);
    say([""]);
    return fromURL();
  }

  // box wires the header search box on other pages: a short list of the
  // best results under it while typing; Enter opens the search page.
  function box(input) {
    var form = input.form, pop = el("div", "search-pop"), seq = 0, timer;
    pop.hidden = true;
    pop.setAttribute("aria-live", "polite");
    form.after(pop);
    function run() {
      var q = input.value, mine = ++seq;
      if (!q.trim()) {
        pop.hidden = true;
        api.state = "idle";
        return;
      }
      search(q, true).then(function (r) {
        return records(r.m, r.docs.slice(0, 5)).then(function (recs) {
          if (mine !== seq) return;
          var ul = el("ul"), all = el("a", "search-all", r.docs.length ? "Xem tất cả " + num.format(r.docs.length) + " kết quả" : "Không tìm thấy kết quả nào cho " + quoted(q));
          recs.forEach(function (rec) {
            var li = ul.appendChild(el("li")), a = li.appendChild(el("a"));
            a.href = base + rec[0];
            highlight(a, rec[1], r.q);
            li.append(" ", el("small", "", rec[2] + (rec[3] ? " · " + rec[3] : "")));
          });
          all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(q);
          pop.textContent = "";
          pop.append(ul, all);
          pop.hidden = false;
        });
      }).catch(function () {
        pop.hidden = true;
      }).then(function () {
        if (mine !== seq) return;
        api.state = "idle";
        api.q = q;
        api.runs++;
      });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      api.state = "busy";
      timer = setTimeout(run, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") pop.hidden = true;
    });
    if (input.value) run();
  }

  // LoaSearch is for tests: the text rules, the reader, and the state of
  // the page ("busy" or "idle", the query shown and the number of runs).
  var api = { nfc: nfc, fold: fold, words: words, parse: parse, search: search, records: records, runs: 0 };
  window.LoaSearch = api;
  var form = document.querySelector("form[data-search]"), head = document.querySelector("input[data-search-src][data-index]");
  var at = form || head;
  if (at) {
    dir = at.getAttribute("data-index");
    base = (at.getAttribute("data-base") || "/").replace(/\/$/, "");
    manifest();
    api.done = form ? page(form) : box(head);
  }
})();
