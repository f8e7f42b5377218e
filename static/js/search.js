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

  // parse cuts a query into words ({e: exact, f: folded, m: marked, j:
  // joined to the word before}); typing makes the last word a prefix
  // unless the query ends with a separator.
  function parse(q, typing, max) {
    var t = words(q), last = Array.from(nfc(q)).pop();
    return {
      prefix: typing && t.length > 0 && t.length <= max && WORD.test(last),
      words: t.slice(0, max).map(function (x, i) {
        var f = fold(x.w);
        return { e: x.w, f: f, m: x.w !== f, j: i > 0 && !x.b };
      })
    };
  }
  function list(m, key) {
    return key.length > 1 ? lookup(m, key).then(function (l) { return l || []; }) : Promise.resolve([]);
  }
  function starts(s, p) {
    return s.slice(0, p.length) === p;
  }
  // completions: the words that most often follow prev and start with p,
  // then p itself when whole, then the most frequent words starting with p.
  function completions(m, prev, p, whole) {
    var out = [];
    function add(c) {
      if (out.length < m.rank.complete && starts(c, p) && out.indexOf(c) < 0) out.push(c);
    }
    return Promise.all([list(m, prev && prev + "+"), list(m, p + "*")]).then(function (l) {
      l[0].forEach(add);
      if (whole) add(p);
      l[1].forEach(add);
      return out;
    });
  }
  // edits is the optimal string alignment distance of a and b.
  function edits(a, b) {
    a = Array.from(a), b = Array.from(b);
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) d[i] = [i];
    for (j = 0; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) for (j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
    return d[a.length][b.length];
  }
  // closest returns the indexed words at most max edits from w, nearest
  // first: among the followers of prev and the words starting with w's
  // first one or two letters.
  function closest(m, prev, w, max) {
    var r = Array.from(w);
    return Promise.all([list(m, prev && prev + "+"), list(m, r[0] + "*"), list(m, r.length > 1 ? r[0] + r[1] + "*" : "")]).then(function (ls) {
      var c = [], dist = {};
      ls.forEach(function (l) {
        l.forEach(function (x) { if (c.indexOf(x) < 0 && x !== w) c.push(x); });
      });
      c.forEach(function (x) { dist[x] = edits(w, x); });
      return c.filter(function (x) { return dist[x] <= max; }).sort(function (a, b) { return dist[a] - dist[b]; });
    });
  }
  // typos is the number of edits a correction of w may make.
  function typos(w) {
    return Array.from(w).length <= 4 ? 1 : 2;
  }
  function prevKey(pos, i) {
    return pos[i].w.j && pos[i - 1].alts.length ? pos[i - 1].alts[0].k : "";
  }
  // positions finds what each query word stands for: itself, completions
  // of the last word, or the closest words to an unknown one.
  function positions(m, pq, res) {
    var r = m.rank, n = pq.words.length, pos = [], chain = Promise.resolve();
    if (!m.stops) {
      m.stops = {};
      m.stop.forEach(function (s) { m.stops[s] = m.stops["\0" + fold(s)] = 1; });
    }
    return Promise.all(pq.words.map(function (w) { return lookup(m, w.f); })).then(function (es) {
      pq.words.forEach(function (w, i) {
        chain = chain.then(function () {
          var p = { w: w, alts: [], stop: !!(m.stops[w.e] || !w.m && m.stops["\0" + w.f]) }, prev;
          pos.push(p);
          prev = prevKey(pos, i);
          return (i === n - 1 && (pq.prefix || !es[i]) ? completions(m, prev, w.f, !!es[i]) : Promise.resolve(es[i] ? [w.f] : [])).then(function (cs) {
            cs.forEach(function (c, k) {
              p.alts.push({ k: c, f: (c === w.f ? 1 : r.prefix) / (k + 1), p: c !== w.f });
            });
            if (p.alts.length || p.stop || /^\d+$/.test(w.f)) return;
            return closest(m, prev, w.f, typos(w.f)).then(function (cs) {
              cs.slice(0, 2).forEach(function (c) {
                p.alts.push({ k: c, f: r.typo, t: 1 });
                res.fixes.push([w.e, c]);
              });
            });
          });
        });
      });
      return chain.then(function () { return Promise.all(pos.map(function (p) { return score(m, p); })); }).then(function () { return pos; });
    });
  }
  // best keeps in s, for each document, the best score of the
  // alternatives as (entries es): share × impact, mixed with the impact of
  // the exact form (or the forms starting with it, for a completion) when
  // the query form is marked.
  function best(m, s, as, es, form, mk) {
    var n = m.docs;
    es.forEach(function (e, i) {
      if (!e) return;
      var a = as[i], imp = impacts(e, n), y, ex = mk && !a.t && exact(e, n, function (v) { return a.p ? starts(v, form) : v === form; });
      for (var d = 0; d < n; d++) {
        if (imp[d] < 0) continue;
        y = a.f * (ex ? mix(m.rank, imp[d], ex[d]) : imp[d]);
        if (y > s[d]) s[d] = y;
      }
    });
  }
  function scores(m, as, keys, form, mk) {
    return Promise.all(keys.map(function (k) { return lookup(m, k); })).then(function (es) {
      var s = new Float64Array(m.docs).fill(-1);
      best(m, s, as, es, form, mk);
      return s;
    });
  }
  function score(m, p) {
    return scores(m, p.alts, p.alts.map(function (a) { return a.k; }), p.w.e, p.w.m).then(function (s) { p.s = s; });
  }
  // pairs returns the phrase bonus of each word joined to the one before.
  function pairs(m, pos) {
    return Promise.all(pos.map(function (q, i) {
      var p = pos[i - 1], a = p && p.alts[0];
      if (!q.w.j || !a) return null;
      return scores(m, q.alts, q.alts.map(function (b) { return a.k + " " + b.k; }), p.w.e + " " + q.w.e, (p.w.m || q.w.m) && !a.t);
    }));
  }
  // numbers returns, for each number of the query, the documents it
  // names: [[document, words of its number and type], …].
  function numbers(m, pos) {
    return Promise.all(pos.map(function (p) { return /^\d+$/.test(p.w.f) ? lookup(m, "#" + p.w.f) : null; }));
  }

  // search answers q: {docs: best first, scores, full: how many of them
  // match every word that counts, fixes: [unknown word, word searched],
  // suggest: close queries when nothing matches, q: the parsed query}.
  function search(q, typing) {
    return manifest().then(function (m) {
      var pq = parse(q, typing, m.rank.words), res = { docs: [], scores: [], full: 0, fixes: [], suggest: [], q: pq, m: m };
      if (!pq.words.length) return res;
      return positions(m, pq, res).then(function (pos) {
        res.pos = pos;
        return Promise.all([pairs(m, pos), numbers(m, pos)]);
      }).then(function (x) {
        rank(m, res, x[0], x[1]);
        return res.docs.length ? res : suggest(m, res);
      });
    });
  }
  // rank orders the documents: named by a number of the query first, then
  // those matching every word that counts, then (when they are fewer than
  // rank.few) the others by the number of words they match; each by
  // score, then newest first.
  function rank(m, res, pairs, nums) {
    var r = m.rank, n = m.docs, pos = res.pos, total = new Float64Array(n), seen = new Uint8Array(n), cover = new Int32Array(n), named = new Uint8Array(n), content = 0, d;
    pos.forEach(function (p) { if (!p.stop) content++; });
    pos.forEach(function (p) {
      for (d = 0; d < n; d++) {
        if (p.s[d] < 0) continue;
        total[d] += p.s[d];
        seen[d] = 1;
        if (!p.stop || !content) cover[d]++;
      }
    });
    content = content || pos.length;
    pairs.forEach(function (b) {
      if (b) for (d = 0; d < n; d++) if (b[d] >= 0 && seen[d]) total[d] += r.pair * b[d];
    });
    nums.forEach(function (l, i) {
      (l || []).forEach(function (x) {
        var ws = x[1].split(" "), hit = 0, whole = true;
        pos.forEach(function (p, j) {
          if (j === i) return;
          if (ws.indexOf(p.w.f) >= 0) hit++;
          else if (!p.stop) whole = false;
        });
        d = x[0];
        if (seen[d] || whole) {
          total[d] += r.number * (1 + hit);
          seen[d] = 1;
          named[d] = named[d] || whole;
        }
      });
    });
    function full(d) { return named[d] || cover[d] >= content; }
    for (d = 0; d < n; d++) if (seen[d] && full(d)) res.full++;
    for (d = 0; d < n; d++) if (seen[d] && (full(d) || res.full < r.few && cover[d] > 0)) res.docs.push(d);
    res.docs.sort(function (a, b) {
      return named[b] - named[a] || full(b) - full(a) || cover[b] - cover[a] || total[b] - total[a] || a - b;
    });
    res.scores = res.docs.map(function (d) { return total[d]; });
  }
  // suggest adds up to 3 queries that find something, each replacing an
  // unknown word with a close indexed word.
  function suggest(m, res) {
    var pos = res.pos, chain = Promise.resolve();
    pos.forEach(function (p, i) {
      if (p.alts.length || p.stop) return;
      chain = chain.then(function () {
        return closest(m, prevKey(pos, i), p.w.f, Math.min(typos(p.w.f) + 1, Math.floor((Array.from(p.w.f).length - 1) / 2)));
      }).then(function (cs) {
        return cs.reduce(function (c, x) {
          return c.then(function () {
            if (res.suggest.length === 3) return;
            var q = pos.map(function (o, j) { return j === i ? x : o.w.e; }).join(" ");
            return search(q, false).then(function (r) { if (r.docs.length) res.suggest.push(q); });
          });
        }, Promise.resolve());
      });
    });
    return chain.then(function () { return res; });
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
  function highlight(node, text, res) {
    var want = {}, at = 0, open = null;
    (res.pos || []).forEach(function (p) {
      want[p.w.f] = 1;
      p.alts.forEach(function (a) { want[a.k] = 1; });
    });
    var hits = words(text).filter(function (t) { return want[fold(t.w)]; });
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
  function item(rec, res) {
    var li = el("li", "item"), h = li.appendChild(el("h3", "item-title")), a = h.appendChild(el("a"));
    a.href = base + rec[0];
    highlight(a, rec[1], res);
    var meta = li.appendChild(el("p", "item-meta", rec[2]));
    if (rec[3]) meta.append(" · ", el("time", "", rec[3]));
    if (rec[4]) meta.append(" · " + rec[4]);
    if (rec[5]) highlight(li.appendChild(el("p", "item-sum")), rec[5], res);
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
        recs.forEach(function (r) { list.append(item(r, res)); });
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
          var n = r.docs.length, parts = [r.full ? num.format(r.full) + " kết quả cho " + quoted(q) + (n > r.full ? ", thêm " + num.format(n - r.full) + " kết quả chỉ khớp một phần." : ".") :
            "Không trang nào có đủ các từ của " + quoted(q) + "; " + num.format(n) + " kết quả khớp một phần, trang khớp nhiều từ hơn ở trên."];
          if (r.fixes.length) parts.push(" Đã tìm gần đúng: " + r.fixes.map(function (f) { return quoted(f[0]) + " → " + quoted(f[1]); }).join(", ") + ".");
          say(parts);
          return show(0);
        }
        list.textContent = "";
        more.hidden = true;
        var parts = ["Không tìm thấy kết quả nào cho " + quoted(q) + ". "];
        function links(label, l, href, text, end) {
          if (!l.length) return;
          parts.push(label);
          l.forEach(function (x, i) {
            var a = el("a", "", text(x));
            a.href = href(x);
            parts.push(i ? ", " : "", a);
          });
          parts.push(end);
        }
        links("Có phải bạn muốn tìm: ", r.suggest, function (s) { return "?q=" + encodeURIComponent(s); }, String, "? ");
        if (!r.suggest.length) parts.push(r.q.words.length > 1 ? "Hãy thử bớt từ hoặc dùng từ khác. " : "Hãy kiểm tra chính tả hoặc dùng từ khác. ");
        return lookup(r.m, "@topics").then(function (ts) {
          if (mine !== seq) return;
          links("Hoặc xem theo chủ đề: ", ts || [], function (t) { return base + t[0]; }, function (t) { return t[1]; }, ".");
          say(parts);
        });
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
            highlight(a, rec[1], r);
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
