/**
 * The projector's stylesheet: type that scales with the screen (about 26 px at 1920 wide, 18 px at
 * 1280), black on white, a two-column layout on wide screens, and focus that shows from the back.
 */
export const ROOM_STYLE = `
*{box-sizing:border-box}
html.room{font-size:clamp(18px,1.35vw,30px);-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.4;color:#0b0c0c;background:#fff}
.top{background:#0b0c0c;color:#fff;padding:.4rem 1rem;font-size:.9rem}
.top .brand{font-weight:700}
.room-page{max-width:110rem;margin:0 auto;padding:.5rem 1.25rem 2rem}
h1{font-size:1.9rem;line-height:1.2;margin:.4rem 0 .6rem}
h2{font-size:1.35rem;margin:.8rem 0 .4rem}
h3{font-size:1.1rem;margin:.8rem 0 .3rem}
p,li{font-size:1rem}
a{color:#1d5fa0}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:4px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.crumbs{font-size:.9rem;margin:.3rem 0}
.count{font-size:1.1rem;margin:.2rem 0 .6rem}
.nowrap{white-space:nowrap}
.round{font-size:1rem;font-weight:400;background:#0b0c0c;color:#fff;padding:.1rem .5rem;vertical-align:middle}
.columns{display:grid;grid-template-columns:minmax(0,1fr);gap:1.5rem}
@media (min-width:1200px){.columns{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}
caption{text-align:left;font-weight:700;font-size:1rem;padding:.2rem 0}
th,td{text-align:left;padding:.25rem .4rem;border-bottom:2px solid #b1b4b6;vertical-align:middle;overflow-wrap:anywhere}
th.num,td.num{text-align:right;white-space:nowrap}
td.big{font-size:1.3rem;font-weight:700}
tr.total th,tr.total td{border-top:3px solid #0b0c0c}
td.barcell{width:35%}
svg.bar{display:block;width:100%;height:1.1rem}
svg.bar .track{fill:#e8e8e8}
svg.bar .fill{fill:#00703c}
figure.edist{margin:.3rem 0}figure.edist figcaption{font-weight:700}figure.edist ol{list-style:none;padding:0;margin:0;display:flex;gap:0 .6rem}figure.edist li{flex:1 1 0;min-width:0;display:flex;flex-direction:column;font-size:.85rem}figure.edist .fig{font-weight:700}
table.dist td.num{width:3.2rem}
.hidden-why{font-style:italic;color:#3d3d3d}
.flag{display:inline-block;background:#0b0c0c;color:#fff;font-size:.8rem;font-weight:700;padding:0 .4rem;vertical-align:middle}
.spread{font-size:1.05rem}
.spread.flagged{border-left:8px solid #0b0c0c;padding-left:.6rem}
ul.gaps{padding-left:1.2rem;margin:.2rem 0 .8rem}
ul.gaps li.flagged{font-weight:700}
.notice{border-left:8px solid #1d70b8;padding:.3rem 1rem;margin:.8rem 0;background:#f3f2f1}
.rule{font-size:.9rem;color:#3d3d3d}
.muted{color:#3d3d3d}
.reload{font-size:.85rem}
.lead{font-size:1.2rem}
.consensus{border-left:3px solid #b1b4b6;padding-left:1.25rem}
label.block{display:block;font-weight:700;margin:.6rem 0 .2rem;font-size:.95rem}
.hint{margin:0 0 .2rem;color:#3d3d3d;font-size:.85rem}
input[type=text],input[type=date],textarea,select{font:inherit;font-size:.95rem;width:100%;padding:.3rem .4rem;border:2px solid #0b0c0c;background:#fff;color:#0b0c0c}
select{width:auto;min-width:6rem}
textarea{min-height:3.2rem;resize:vertical}
fieldset.action{border:2px solid #b1b4b6;margin:.8rem 0;padding:.2rem .8rem .6rem}
fieldset.action legend{font-weight:700;font-size:1rem;padding:0 .3rem}
.buttons{margin-top:1rem}
button{font:inherit;font-size:1rem;padding:.45rem 1.1rem;border:0;border-bottom:3px solid #002d18;cursor:pointer;min-height:2.4rem}
button.primary{background:#00703c;color:#fff}
button.secondary{background:#f3f2f1;color:#0b0c0c;border-bottom-color:#6f6f6f;margin-top:1rem}
.saved{border-left:8px solid #00703c;padding:.3rem .8rem;font-weight:700}
.error{border-left:8px solid #d4351c;padding:.2rem 1rem;margin:.6rem 0}
.field-error{color:#b0281a;font-weight:700;margin:.1rem 0}
.rounds{font-size:.95rem}
ol.elements li{margin:.3rem 0;font-size:1.1rem}
.state{color:#3d3d3d}
.counts table{max-width:44rem}
.counts thead th:not(:first-child){text-align:right}
.address{font-size:1.05rem;overflow-wrap:anywhere}
.fig{font-weight:700;font-size:1.15rem;font-variant-numeric:tabular-nums}
.summary{border:2px solid #0b0c0c;padding:.3rem .8rem;margin:.5rem 0}
.mark{font-weight:700;font-size:.85rem;white-space:nowrap}
.statement{display:block}
.asked{display:block;font-size:.8rem;color:#3d3d3d}
.wording{display:block;font-size:.85rem;color:#3d3d3d}
.wording-level{display:block}
.pair{font-weight:700}
td.n{font-size:.9rem}
tr.asked-row th{background:#f3f2f1;font-size:.9rem}
.on-screen{font-weight:700}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.headcount input { width: 5em; font-size: inherit; } .headcount label { margin-right: 1em; } form.inline { display: inline; } .levels-count { margin-top: 0; }
`;

/**
 * Short polling (every 3 s): fetches this same page and swaps the regions marked data-live, so new
 * answers show without a reload and nothing typed in the consensus form is touched. Without
 * scripts the page is the same, with a refresh link.
 */
export const LIVE_SCRIPT = `"use strict";
(function () {
  var busy = false;
  function tick() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(location.pathname, { cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (text) {
        if (!text) return;
        var next = new DOMParser().parseFromString(text, "text/html");
        document.querySelectorAll("[data-live]").forEach(function (el) {
          var fresh = next.getElementById(el.id);
          if (fresh && fresh.innerHTML !== el.innerHTML) el.innerHTML = fresh.innerHTML;
        });
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  setInterval(tick, 3000);
})();
`;
