// The report's inline style sheet and script. Plain CSS and plain JS (no
// framework, no network): the page must work from a USB stick. The script
// builds the site table from the JSON embedded in the page, using
// textContent only, so names from user files can never become markup.
#include "report/HtmlReport.h"

namespace vgscan::html {

const char* const kCss = R"CSS(
:root{--fg:#1d2329;--muted:#5f6b76;--line:#d5dbe1;--bg:#fafbfc;
--pass:#2e9d48;--warn:#d89b1c;--fail:#d0453a;--unknown:#7a6fa8;--na:#9aa3ab}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header{background:#1f3a4d;color:#fff;padding:10px 24px 0}
header h1{margin:0;font-size:22px}
header .meta{color:#cfe0ec;margin:2px 0 6px}
nav a{color:#fff;margin-right:18px;text-decoration:none;display:inline-block;padding:4px 0 8px;border-bottom:3px solid transparent}
nav a:hover{border-bottom-color:#8fc1e3}
main{padding:0 24px 40px;max-width:1600px}
h2{margin:28px 0 10px;font-size:19px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{margin:0 0 6px;font-size:17px}
h4{margin:10px 0 4px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.meta{color:var(--muted);margin:2px 0}
.note{color:var(--muted);font-style:italic}
small{color:var(--muted)}
code{background:#eef1f4;padding:0 3px;border-radius:3px}
.counts{display:flex;flex-wrap:wrap;gap:10px}
.count{border:1px solid var(--line);border-left:6px solid #888;background:#fff;border-radius:6px;padding:6px 14px;min-width:110px;text-align:left;cursor:pointer;font:inherit}
.count b{display:block;font-size:24px;line-height:1.1}
.count span{color:var(--muted)}
.count.active{outline:2px solid #1f3a4d}
.count.v-fits_vg7{border-left-color:#1e7d3c}.count.v-convert_vg7{border-left-color:#5cb85c}.count.v-keep{border-left-color:#2f6fb3}.count.v-cluster{border-left-color:#8a56c2}.count.v-ambulant{border-left-color:#2aa3a3}
.count.v-dispose{border-left-color:#d0453a}.count.v-needs_data{border-left-color:#d89b1c}.count.v-failed{border-left-color:#444}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;background:#888;vertical-align:middle}
.badge.warn{background:#b07a00}
.v-fits_vg7.badge{background:#1e7d3c}.v-convert_vg7.badge{background:#5cb85c}.v-keep.badge{background:#2f6fb3}.v-cluster.badge{background:#8a56c2}.v-ambulant.badge{background:#2aa3a3}
.v-dispose.badge{background:#d0453a}.v-building_pass.badge{background:#2e9d48}.v-building_fail.badge{background:#d0453a}.v-needs_data.badge{background:#d89b1c}.v-failed.badge{background:#444}
.badge.st-pass{background:var(--pass)}.badge.st-warn{background:var(--warn)}.badge.st-fail{background:var(--fail)}
.badge.st-unknown{background:var(--unknown)}.badge.st-na{background:var(--na)}
td.st-pass{background:#e3f4e7}td.st-warn{background:#fcf0d2}td.st-fail{background:#f9dedb}
td.st-unknown{background:#e9e5f5}td.st-na,td.st-off{background:#f0f2f4;color:var(--muted)}
tr.rule.off td{color:var(--muted)}
.mapwrap{display:flex;gap:16px;align-items:flex-start}
.maplegend{flex:0 0 190px;font-size:13px}
.maplegend p{margin:2px 0}
i.dot{display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:6px;vertical-align:-1px;border:1px solid #fff;box-shadow:0 0 0 1px #bbb}
i.dot.faint{opacity:.6}
i.ln{display:inline-block;width:22px;height:0;border-top:2px solid #b9b9b9;margin-right:6px;vertical-align:3px}
i.sw,.evlegend i,.uses i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;border:1px solid rgba(0,0,0,.25)}
.filters{display:flex;flex-wrap:wrap;gap:14px;align-items:center;margin:6px 0 8px}
.filters input,.filters select{font:inherit;padding:3px 6px;border:1px solid #b8c1ca;border-radius:4px;margin-left:4px}
.filters input{width:260px}
.tablewrap{overflow:auto;max-height:72vh;border:1px solid var(--line);background:#fff}
table{border-collapse:collapse}
table.sites{width:100%;font-size:13px}
table.sites th{position:sticky;top:0;background:#e8edf2;cursor:pointer;user-select:none;white-space:nowrap;text-align:left;padding:5px 8px;border-bottom:1px solid #b8c1ca;z-index:1}
table.sites th.asc::after{content:" ▲"}table.sites th.desc::after{content:" ▼"}
table.sites td{padding:3px 8px;border-bottom:1px solid #eef0f2;white-space:nowrap}
table.sites td.num{text-align:right;font-variant-numeric:tabular-nums}
table.sites tr:hover td{filter:brightness(.96)}
table.sites td b{font-weight:600;margin-right:4px}
section.bld{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px;margin:18px 0;content-visibility:auto;contain-intrinsic-size:auto 1400px}
section.bld:target{outline:3px solid #8fc1e3}
.sid{font-family:ui-monospace,monospace;background:#eef1f4;padding:0 6px;border-radius:4px}
.verdict{margin:8px 0}.verdict ul{margin:4px 0 0;padding-left:22px}
.sens,.costs{margin:8px 0}.sens ul{margin:4px 0 0;padding-left:22px}.unstable{color:#d0453a}
.sbs{display:flex;gap:16px;flex-wrap:wrap}.sbs table{border-collapse:collapse}.sbs td,.sbs th{padding:2px 8px;border-bottom:1px solid #ddd}.sbs tr.tot td{font-weight:bold}
.vlabel{font-weight:600;margin-right:4px}
.issues li.err,.err{color:#b0281c}.issues li.warnl{color:#8a6100}
.views{display:flex;flex-wrap:wrap;gap:14px;margin:10px 0;align-items:flex-start}
figure.view{margin:0;flex:1 1 100%;min-width:320px;border:1px solid var(--line);border-radius:4px;padding:6px;background:#fff}
figure.plotfig{flex:1 1 calc(50% - 7px);max-width:calc(50% - 7px)}
figure.planfig.narrow{flex:0 1 640px}
.nofp{flex:1 1 100%;margin:0}
figure.view:target{outline:3px solid #8fc1e3}
figcaption{color:var(--muted);font-size:12px;margin-top:4px}
.evlegend span{margin-right:12px;white-space:nowrap}
svg.vg{display:block;width:100%;height:auto;max-height:78vh;background:#fff}
svg.vg text{font-family:system-ui,"DejaVu Sans",sans-serif;fill:#222}
svg.vg .geo *{vector-effect:non-scaling-stroke}
.sp{stroke:#6b7580;stroke-width:.8px}
.sp:hover{stroke:#000;stroke-width:2px}
.lb,.lb2{text-anchor:middle;pointer-events:none}
.lb2{fill:#5f6b76 !important}
.op{fill:none;stroke-linecap:butt}
.op.door{stroke:#e0201b;stroke-width:4.5px}
.op.passage{stroke:#e0201b;stroke-width:2.5px;stroke-dasharray:3 2}
.op.window{stroke:#1f6fd1;stroke-width:3px}
circle.op{fill:#e0201b;stroke:none}circle.op.window{fill:#1f6fd1}
.ev{fill-opacity:.22;stroke-width:1.5px;stroke-opacity:.9}
.ev:hover{fill-opacity:.4}
.evl{stroke-width:2.5px;stroke-linejoin:round;stroke-linecap:round}
.evl.straight{stroke-dasharray:7 5;stroke-linecap:butt}
.post{fill:#111;stroke:#fff;stroke-width:1.5px;vector-effect:non-scaling-stroke}
.mk circle{stroke:#fff;stroke-width:1.5px;vector-effect:non-scaling-stroke;fill:#777}
.mk text{fill:#fff !important;text-anchor:middle;dominant-baseline:central;font-weight:700;pointer-events:none}
.mk.st-fail circle{fill:var(--fail)}.mk.st-warn circle{fill:var(--warn)}.mk.st-pass circle{fill:var(--pass)}
.mk.st-unknown circle{fill:var(--unknown)}.mk.st-na circle,.mk.st-off circle{fill:var(--na)}
.mk:hover circle{stroke:#000}
.road{fill:none;stroke:#b9b9b9;stroke-width:1.2px}
.plotarea{fill:#f4f0df;stroke:#9a8f6a;stroke-width:1px}
.footprint{fill:#d6cfc0;stroke:#4d4d4d;stroke-width:1.2px}
.placed{fill:none;stroke:#2f6fb3;stroke-width:.7px}
.poi{fill:#999;opacity:.65}
svg.map .site circle.pin{stroke:#fff;stroke-width:1px;vector-effect:non-scaling-stroke}
svg.map .site:hover circle.pin,svg.map .site:focus circle.pin{stroke:#000;stroke-width:2px}
svg.map .site .leader{stroke:#333;stroke-width:1px;vector-effect:non-scaling-stroke}
svg.map .site circle.at{fill:#333}
svg.map .site text{font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round;vector-effect:non-scaling-stroke}
svg.map .site.dim{opacity:.12}
svg.map{cursor:grab;touch-action:none}svg.map.dragging{cursor:grabbing}
svg.map:focus{outline:2px solid #8fc1e3}
.mapbox{position:relative;flex:0 1 auto;min-width:0;max-width:calc(100% - 210px)}
.mapbox svg.map{display:block;height:560px;width:auto;max-width:100%;border:1px solid var(--line)}
.mapctl{position:absolute;left:8px;top:8px;display:flex;flex-direction:column;gap:4px}
.mapctl button{font:600 16px/1 system-ui,sans-serif;width:30px;height:30px;border:1px solid #b8c1ca;border-radius:4px;background:#fff;cursor:pointer;padding:0}
.mapctl button:hover,.mapctl button:focus{background:#e8edf2}
svg.key text{font-size:12px}
svg.key .op.door{stroke-width:4.5}svg.key .op.passage{stroke-width:2.5}svg.key .op.window{stroke-width:3}
svg.key .post{stroke-width:1}svg.key .mk circle{stroke-width:1.5}
table.rules{width:100%;margin-top:6px;font-size:13px;background:#fff}
table.rules th{text-align:left;background:#e8edf2;padding:4px 8px}
table.rules td{padding:4px 8px;border-top:1px solid #eef0f2;vertical-align:top}
table.rules tr.rule td{border-top:1px solid #c9d1d8}
table.rules tr.finding td{font-size:12px;padding:2px 8px}
table.rules tr.finding:target td{background:#fff4c2}
td.fno{text-align:right;color:var(--muted);font-weight:600}
.exp{color:#2f6fb3}.obs{color:var(--muted)}.obs.st-fail{color:#b0281c}.obs.st-warn{color:#8a5a00}
.obs.st-pass{color:#1d6b34}.at{color:var(--muted)}.oid{font-size:.85em;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:28px}
.legend p{margin:3px 0}
.uses{max-width:360px}.uses span{display:inline-block;margin:0 10px 3px 0}
table.plain{font-size:13px;background:#fff;border:1px solid var(--line)}
table.plain th{text-align:left;background:#e8edf2;padding:4px 8px}
table.plain td{padding:4px 8px;border-top:1px solid #eef0f2;vertical-align:top}
ul.params{margin:0;padding-left:16px}
.src{color:var(--muted)}
td.sha{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
.back{margin:8px 0 0}
.printcols{display:none}
/* Print: A4; overview, map and table first, then each building from the top
   of a page; figures and table rows are not split; the wide sites table is
   printed as groups of columns that fit the page (built by the script on
   beforeprint), each group repeating the site id. */
@page{size:A4;margin:12mm 11mm 13mm}
@media print{
body{background:#fff;font-size:9pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
header{padding:6px 12px 4px}
header nav,.filters,#shown,.back,noscript,.zoomhint{display:none}
main{padding:0;max-width:none}
h2{margin:14px 0 6px;font-size:14pt}
h2,h3,h4{break-after:avoid}
.counts{gap:6px}.count{padding:3px 8px;min-width:80px}.count b{font-size:15pt}
.mapbox{max-width:none;width:calc(100% - 150px)}.mapbox svg.map{height:auto;width:100%;max-height:150mm}.mapctl{display:none}
.maplegend{flex:0 0 140px;font-size:8pt}
.tablewrap{overflow:visible;max-height:none;border:none;background:none}
#sites .tablewrap{display:none}
.printcols{display:block}
.printcols table.sites{width:auto;max-width:100%;margin:0 0 10px;break-inside:avoid;font-size:8pt;border:1px solid var(--line)}
.printcols table.sites th{position:static;cursor:auto;padding:3px 5px}
.printcols table.sites td{white-space:normal;padding:2px 5px}
table.sites th.asc::after,table.sites th.desc::after{content:none}
thead{display:table-header-group}
tr,figure.view,.verdict,.sens,.costs,.sbs table,.counts,.maplegend{break-inside:avoid}
main>section~#buildings{break-before:page}
section.bld{border:none;border-radius:0;padding:0;margin:0;content-visibility:visible;contain-intrinsic-size:none}
section.bld+section.bld{break-before:page}
section.bld:target{outline:none}
.views{gap:8px;margin:6px 0}
figure.view{padding:3px}
svg.vg{max-height:125mm}
table.rules{font-size:8pt}
a{color:inherit;text-decoration:none}
}
)CSS";

const char* const kJs = R"JS(
(function () {
  'use strict';
  var body = document.body;
  var data = JSON.parse(document.getElementById('vg-data').textContent);
  // Words shown in the chosen language (data.l); the machine words stay the keys.
  var L = data.l || {};
  function lab(m, k) { return (L[m] && L[m][k]) || k; }
  var rows = data.sites, keys = data.keys;
  var table = document.getElementById('sites-table');
  var rank = {fail: 0, unknown: 1, warn: 2, na: 3, pass: 4, '': 5};
  var collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
  var state = {sort: 'id', dir: 1, text: '', verdict: '', rule: '', status: ''};
  rows.forEach(function (r, i) {
    r.i = i;
    // One lower-case text per row, so each keystroke is a plain indexOf.
    r.hay = [r.id, r.name, r.pr, r.v, lab('v', r.v), r.why].join(' ').toLowerCase();
  });
  var markers = [];
  Array.prototype.forEach.call(document.querySelectorAll('svg.map a.site'), function (a) {
    markers[+a.getAttribute('data-i')] = a;
  });

  function matches(r) {
    if (state.text && r.hay.indexOf(state.text) < 0) return false;
    if (state.verdict && r.v !== state.verdict) return false;
    if (state.status || state.rule !== '') {
      var cells = state.rule !== '' ? [r.r[+state.rule]] : r.r;
      var hit = cells.some(function (c) { return !state.status ? c[0] !== '' : c[0] === state.status; });
      if (!hit) return false;
    }
    return true;
  }
  function value(r, k) {
    switch (k) {
      case 'id': return r.id; case 'name': return r.name; case 'verdict': return r.v;
      case 'places': return r.pl; case 'profile': return r.pr; case 'score': return r.sc;
    }
    return null;
  }
  function cmp(a, b) {
    var k = state.sort, d = state.dir, x, y;
    if (k.charAt(0) === 'r' && k !== 'r') {
      var j = +k.slice(1), ca = a.r[j], cb = b.r[j];
      if (rank[ca[0]] !== rank[cb[0]]) return (rank[ca[0]] - rank[cb[0]]) * d;
      x = ca[2]; y = cb[2];
    } else { x = value(a, k); y = value(b, k); }
    if (x === y) return collator.compare(a.id, b.id);
    if (x === null || x === undefined || x === '') return 1;   // empty last, both ways
    if (y === null || y === undefined || y === '') return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * d;
    return collator.compare(String(x), String(y)) * d;
  }
  function td(tr, text, cls, title) {
    var c = document.createElement('td');
    c.textContent = text;
    if (cls) c.className = cls;
    if (title) c.title = title;
    tr.appendChild(c);
    return c;
  }
  function link(cell, r, text) {
    var a = document.createElement('a');
    a.href = (r.p || '') + '#' + r.a;  // r.p: the page of buildings that has it
    a.textContent = text;
    cell.textContent = '';
    cell.appendChild(a);
  }
  function render() {
    var t0 = performance.now();
    var list = rows.filter(matches);
    list.sort(cmp);
    var frag = document.createDocumentFragment();
    for (var n = 0; n < list.length; n++) {
      var r = list[n], tr = document.createElement('tr');
      link(td(tr, ''), r, r.id);
      link(td(tr, ''), r, r.name);
      var vc = td(tr, '', '', r.why), b = document.createElement('span');
      b.className = 'badge v-' + r.v; b.textContent = lab('v', r.v); vc.appendChild(b);
      if (r.un) { var u = document.createElement('b'); u.className = 'unstable'; u.textContent = ' ' + (L.unstable || 'unstable'); vc.appendChild(u); }
      td(tr, r.pl === null || r.pl === undefined ? '' : String(r.pl), 'num');
      td(tr, r.pr);
      // The score with the language's decimal mark (L.dec), as the building pages write it.
      td(tr, r.sc === null || r.sc === undefined ? '\u2014' : r.sc.toFixed(1).replace('.', L.dec || '.') + ' %', 'num');
      for (var j = 0; j < r.r.length; j++) {
        var c = r.r[j], cell = td(tr, '', c[0] ? 'st-' + c[0] : '', c[3]);
        if (c[0]) {
          var s = document.createElement('b'); s.textContent = lab('s', c[0]); cell.appendChild(s);
          cell.appendChild(document.createTextNode(c[1]));
        }
      }
      frag.appendChild(tr);
    }
    var tbody = table.tBodies[0];
    tbody.textContent = '';
    tbody.appendChild(frag);
    var shown = {};
    list.forEach(function (r) { shown[r.i] = true; });
    markers.forEach(function (m, i) { if (m) m.classList.toggle('dim', !shown[i]); });
    document.getElementById('shown').textContent =
      (L.shown || '%1 of %2 sites shown').replace('%1', list.length).replace('%2', rows.length);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.classList.toggle('asc', th.getAttribute('data-sort') === state.sort && state.dir > 0);
      th.classList.toggle('desc', th.getAttribute('data-sort') === state.sort && state.dir < 0);
    });
    Array.prototype.forEach.call(document.querySelectorAll('button.count'), function (bt) {
      bt.classList.toggle('active', bt.getAttribute('data-verdict') === state.verdict);
    });
    body.dataset.rows = String(list.length);
    body.dataset.renderMs = (performance.now() - t0).toFixed(1);
  }

  if (table) {
    var q = document.getElementById('q'), fv = document.getElementById('fv');
    var fr = document.getElementById('fr'), fs = document.getElementById('fs');
    q.addEventListener('input', function () { state.text = q.value.trim().toLowerCase(); render(); });
    fv.addEventListener('change', function () { state.verdict = fv.value; render(); });
    fr.addEventListener('change', function () { state.rule = fr.value; render(); });
    fs.addEventListener('change', function () { state.status = fs.value; render(); });
    table.tHead.addEventListener('click', function (e) {
      var th = e.target.closest('th');
      if (!th) return;
      var k = th.getAttribute('data-sort');
      state.dir = state.sort === k ? -state.dir : 1;
      state.sort = k;
      render();
    });
    Array.prototype.forEach.call(document.querySelectorAll('button.count'), function (bt) {
      bt.addEventListener('click', function () {
        state.verdict = bt.getAttribute('data-verdict');
        fv.value = state.verdict;
        render();
        table.scrollIntoView({block: 'nearest'});
      });
    });
    render();
    body.dataset.sites = String(rows.length);
  }

  // Print: the table as groups of columns that fit an A4 page, each group
  // repeating the id column, built from the rows as shown (filter, sort)
  // and dropped again after printing.
  var printBox = null;
  function dropPrintTables() {
    if (printBox) printBox.parentNode.removeChild(printBox);
    printBox = null;
  }
  function printTables() {
    dropPrintTables();
    var heads = table.tHead.rows[0].cells, trs = table.tBodies[0].rows;
    // A column's width in characters: its header (never wrapped) or its
    // widest cell up to 16 (cells wrap), plus padding.
    var width = Array.prototype.map.call(heads, function (th, c) {
      var m = th.textContent.length;
      for (var i = 0; i < trs.length && i < 300; i++) m = Math.max(m, Math.min(16, trs[i].cells[c].textContent.length));
      return m + 3;
    });
    var budget = 124, groups = [], cur = [], used = width[0];  // about 188 mm of 8 pt text
    for (var c = 1; c < heads.length; c++) {
      if (cur.length && used + width[c] > budget) { groups.push(cur); cur = []; used = width[0]; }
      cur.push(c);
      used += width[c];
    }
    if (cur.length) groups.push(cur);
    printBox = document.createElement('div');
    printBox.className = 'printcols';
    groups.forEach(function (g) {
      var t = document.createElement('table'), cols = [0].concat(g);
      t.className = 'sites';
      var hr = t.createTHead().insertRow(), tb = t.createTBody();
      cols.forEach(function (c) { hr.appendChild(heads[c].cloneNode(true)); });
      for (var i = 0; i < trs.length; i++) {
        var tr = tb.insertRow();
        cols.forEach(function (c) { tr.appendChild(trs[i].cells[c].cloneNode(true)); });
      }
      printBox.appendChild(t);
    });
    var wrap = table.parentNode;
    wrap.parentNode.insertBefore(printBox, wrap.nextSibling);
    body.dataset.printGroups = String(groups.length);
  }
  if (table) {
    window.addEventListener('beforeprint', printTables);
    window.addEventListener('afterprint', dropPrintTables);
  }

  // The map: zoom (wheel, the +/- buttons, keys + - 0) and pan (drag, arrow
  // keys) by moving and scaling the group g.zoom. Markers, labels and POIs
  // are scaled back about their own point, so they keep their size on
  // screen while the ground grows; the scale bar follows the zoom.
  Array.prototype.forEach.call(document.querySelectorAll('svg.map'), function (svg) {
    var g = svg.querySelector('g.zoom');
    if (!g) return;
    var vb = svg.viewBox.baseVal, unit = +svg.getAttribute('data-unit') || vb.width / 80;
    var z = 1, tx = 0, ty = 0, pending = false;
    var sites = svg.querySelectorAll('a.site, g.cluster-label'), pois = svg.querySelectorAll('.pois circle');
    var at = [], poiR = [];
    Array.prototype.forEach.call(sites, function (a) {
      var m = /translate\(([-\d.e]+)[ ,]([-\d.e]+)\)/.exec(a.getAttribute('transform') || '');
      at.push(m ? [+m[1], +m[2]] : [0, 0]);
    });
    Array.prototype.forEach.call(pois, function (c) { poiR.push(+c.getAttribute('r')); });
    var bar = svg.querySelectorAll('.scalebar rect'), barText = svg.querySelector('.scalebar text');
    function scaleBar() {
      if (bar.length < 2 || !barText) return;
      var target = vb.width / z / 5, len = Math.pow(10, Math.floor(Math.log10(target)));
      for (var f = 5; f >= 1; f = f === 5 ? 2 : f === 2 ? 1 : 0)
        if (len * f <= target) { len *= f; break; }
      var x0 = +bar[0].getAttribute('x'), half = len * z / 2;
      bar[0].setAttribute('width', half);
      bar[1].setAttribute('x', x0 + half);
      bar[1].setAttribute('width', half);
      barText.setAttribute('x', x0 + 2 * half + unit * 0.5);
      barText.textContent = len >= 1000 ? +(len / 1000).toPrecision(3) + ' km' : +len.toPrecision(3) + ' m';
    }
    function apply() {
      pending = false;
      g.setAttribute('transform', 'translate(' + tx + ' ' + ty + ') scale(' + z + ')');
      var k = 1 / z, i;
      for (i = 0; i < sites.length; i++)
        sites[i].setAttribute('transform', 'translate(' + at[i][0] + ' ' + at[i][1] + ') scale(' + k + ')');
      for (i = 0; i < pois.length; i++) pois[i].setAttribute('r', poiR[i] * k);
      scaleBar();
      svg.setAttribute('data-zoom', z.toFixed(3));
    }
    function schedule() { if (!pending) { pending = true; requestAnimationFrame(apply); } }
    // Zoom by `f` keeping the point (x, y) of the viewBox where it is.
    function zoomAt(f, x, y) {
      var nz = Math.min(256, Math.max(1, z * f));
      f = nz / z;
      tx = x - (x - tx) * f;
      ty = y - (y - ty) * f;
      z = nz;
      if (z === 1) { tx = 0; ty = 0; }
      schedule();
    }
    function centre() { return [vb.x + vb.width / 2, vb.y + vb.height / 2]; }
    function toView(e) {
      var pt = svg.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      var m = svg.getScreenCTM();
      return m ? pt.matrixTransform(m.inverse()) : {x: centre()[0], y: centre()[1]};
    }
    function step(dir) { var c = centre(); zoomAt(dir > 0 ? 1.5 : 1 / 1.5, c[0], c[1]); }
    function reset() { z = 1; tx = 0; ty = 0; schedule(); }
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var p = toView(e);
      zoomAt(Math.pow(1.0015, -e.deltaY * (e.deltaMode === 1 ? 20 : 1)), p.x, p.y);
    }, {passive: false});
    var drag = null, moved = false;
    svg.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      drag = {x: e.clientX, y: e.clientY, tx: tx, ty: ty, id: e.pointerId};
      moved = false;
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var m = svg.getScreenCTM(), dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!moved) { moved = true; svg.setPointerCapture(drag.id); svg.classList.add('dragging'); }
      tx = drag.tx + dx / (m ? m.a : 1);
      ty = drag.ty + dy / (m ? m.d : 1);
      schedule();
    });
    function endDrag() { drag = null; svg.classList.remove('dragging'); }
    svg.addEventListener('pointerup', endDrag);
    svg.addEventListener('pointercancel', endDrag);
    // A drag that ends on a marker is not a click on it.
    svg.addEventListener('click', function (e) { if (moved) { e.preventDefault(); moved = false; } }, true);
    svg.addEventListener('keydown', function (e) {
      var pan = vb.width / 10;
      if (e.key === '+' || e.key === '=') step(1);
      else if (e.key === '-' || e.key === '_') step(-1);
      else if (e.key === '0') reset();
      else if (e.key === 'ArrowLeft') { tx += pan; schedule(); }
      else if (e.key === 'ArrowRight') { tx -= pan; schedule(); }
      else if (e.key === 'ArrowUp') { ty += pan; schedule(); }
      else if (e.key === 'ArrowDown') { ty -= pan; schedule(); }
      else return;
      e.preventDefault();
    });
    var box = svg.parentNode;
    Array.prototype.forEach.call(box.querySelectorAll('.mapctl button'), function (bt) {
      bt.addEventListener('click', function () {
        var k = bt.getAttribute('data-zoom');
        if (k === 'in') step(1); else if (k === 'out') step(-1); else reset();
      });
    });
    // For tests: zoom in at the centre from script (file://...#vgscan-zoomtest).
    if (location.hash === '#vgscan-zoomtest') { step(1); step(1); apply(); }
    svg.setAttribute('data-zoom', '1.000');
  });

  // Self-test for headless browsers (file://...#vgscan-selftest): filter on
  // the last site's id, sort by name, then restore; results in data-*.
  if (table && location.hash === '#vgscan-selftest' && rows.length) {
    var t1 = performance.now();
    q.value = rows[rows.length - 1].id;
    q.dispatchEvent(new Event('input'));
    body.dataset.filterMs = (performance.now() - t1).toFixed(1);
    body.dataset.filterRows = String(table.tBodies[0].rows.length);
    body.dataset.filterFirst = table.tBodies[0].rows.length ? table.tBodies[0].rows[0].cells[0].textContent : '';
    q.value = '';
    q.dispatchEvent(new Event('input'));
    table.tHead.rows[0].cells[1].click();
    table.tHead.rows[0].cells[1].click();
    body.dataset.sortedLast = table.tBodies[0].rows[0].cells[1].textContent;
    table.tHead.rows[0].cells[0].click();
  }
  body.dataset.plans = String(document.querySelectorAll('svg.plan').length);
  body.dataset.spaces = String(document.querySelectorAll('svg.plan .sp').length);
  body.dataset.marks = String(document.querySelectorAll('svg.vg .mk').length);
  body.dataset.keys = String(keys.length);
  body.dataset.ready = '1';
})();
)JS";

}  // namespace vgscan::html
