/**
 * The screen's stylesheet: sized by the screen's height (1 rem ≈ 2.5 % of it: 27 px at 1080, 18 px at
 * 720), figures never under 28 px, black on white, and everything on one screen — a grid of two
 * columns whose long statements are cut to two lines rather than pushing the page past the fold.
 */
export const SCREEN_STYLE = `
*{box-sizing:border-box}
html.screen{font-size:clamp(16px,2.5vh,40px);-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.25;color:#000;background:#fff}
.top{background:#000;color:#fff;padding:.15rem 1rem;font-size:.75rem}
.top .brand{font-weight:700}
.top .ws{margin-left:.5rem}
.screen-page{padding:.4rem 1.2rem 0;max-width:none}
.fig{font-size:max(28px,1.5rem);font-weight:700;font-variant-numeric:tabular-nums;line-height:1.1}
h1{font-size:2rem;line-height:1.1;margin:.2rem 0 .4rem}
h2{font-size:1.1rem;margin:.5rem 0 .2rem}
p{margin:.2rem 0}
.lead{font-size:1.3rem}
.small,.rule,.basis{font-size:.8rem}
.muted,.rule{color:#333}
.reload{position:fixed;right:.6rem;bottom:.2rem;margin:0;font-size:.6rem;background:#fff}
a{color:#0b3d91}
a:focus{outline:4px solid #fd0;box-shadow:inset 0 0 0 2px #000}
.join{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:2rem;align-items:center;min-height:calc(100vh - 3.2rem)}
.join h1{font-size:2.4rem}
.join-label{font-size:1.2rem;margin-top:1rem}
.join-url{font-size:max(28px,1.6rem);font-weight:700;overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;margin:.1rem 0 .8rem}
.answered{font-size:1.3rem}
ul.per-level{list-style:none;padding:0;margin:.3rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;font-size:1.1rem}
svg.qr{display:block;width:min(38vw,calc(100vh - 5rem));height:auto;max-height:calc(100vh - 5rem)}
.head{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 1.5rem}
.round{font-size:1rem;background:#000;color:#fff;padding:.05rem .5rem;vertical-align:middle}
.cols{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr);grid-template-areas:"dist dist" "left right" "gaps gaps";gap:0 1.6rem}
.dist-area{grid-area:dist}
figure.edist{margin:0 0 .3rem}
figure.edist figcaption{font-weight:700;font-size:1.1rem}
figure.edist .note{font-weight:400}
figure.edist ol{list-style:none;padding:0;margin:0;display:flex;gap:0 1rem}
figure.edist li{flex:1 1 0;min-width:0;display:flex;flex-direction:column}
figure.edist svg.bar{height:.8rem}
.dlabel{font-size:max(28px,1rem);line-height:1.05;overflow-wrap:anywhere}
.left{grid-area:left}.right{grid-area:right}.gaps-area{grid-area:gaps}
table{border-collapse:collapse;width:100%;margin:.1rem 0 .4rem}
caption{text-align:left;font-weight:700;font-size:1.1rem;padding:.1rem 0}
th,td{text-align:left;padding:.1rem .3rem;border-bottom:2px solid #767676;vertical-align:middle}
thead th{font-size:max(20px,.8rem)}
.num{text-align:right;white-space:nowrap}
td.num{font-size:max(28px,1.5rem);font-weight:700}
td.n{font-weight:400}
tr.total th,tr.total td{border-top:4px solid #000}
td.barcell{width:34%}
svg.bar{display:block;width:100%;height:1.2rem}
svg.bar .track{fill:#fff;stroke:#000;stroke-width:.6}
svg.bar .fill{fill:#000}
.hidden-why{font-style:italic;font-size:.85rem}
.spread{font-size:1.05rem}
.spread.flagged{border-left:10px solid #000;padding-left:.6rem}
table.dist th[scope=row]{font-weight:400}
.statement{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;font-size:.85rem}
.asked{display:block;font-size:.75rem;color:#333}
.mark{font-weight:700;white-space:nowrap}
abbr{text-decoration:none}
ul.gaps{list-style:none;padding:0;margin:0}
ul.gaps li{font-size:1rem;margin:0 0 .35rem;border-left:6px solid #767676;padding-left:.5rem}
ul.gaps li.flagged{border-left-color:#000}
.pair{font-weight:700}
.wording{display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:vertical;overflow:hidden;font-size:.8rem;color:#333}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-aspect-ratio:4/3){.cols{grid-template-columns:minmax(0,1fr);grid-template-areas:"dist" "left" "right" "gaps"}}
`;

/**
 * Follows the facilitator (SPEC §6.1: within 5 s): every 2 s it fetches the screen's content and swaps
 * it in when it changed. Without scripts the page is the same, with a refresh link.
 */
export const SCREEN_SCRIPT = `"use strict";
(function () {
  var box = document.getElementById("skaerm");
  if (!box) return;
  var src = box.getAttribute("data-src");
  var busy = false;
  var last = null;
  function tick() {
    if (busy) return;
    busy = true;
    fetch(src, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      // Compared with the last text fetched, not with innerHTML (the browser serialises differently).
      .then(function (text) { if (text && text !== last) { box.innerHTML = text; last = text; } })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  setInterval(tick, 2000);
})();
`;
