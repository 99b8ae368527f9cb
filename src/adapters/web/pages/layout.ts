import { html } from "hono/html";
import type { Lang } from "../../../core/text.ts";

export type Html = ReturnType<typeof html>;

/** What differs between the participants' pages and the projector's: stylesheet, one optional script, classes. */
export type Frame = { stylesheet: string; script?: string; htmlClass?: string; mainClass: string };
const PARTICIPANT: Frame = { stylesheet: "style.css", mainClass: "page" };

/** The frame of every page: one stylesheet from this server, no script unless the frame names one, the language declared for screen readers. */
export const layout = (lang: Lang, title: string, base: string, body: Html | Html[], heading?: string, frame: Frame = PARTICIPANT) => html`<!doctype html>
<html lang="${lang}"${frame.htmlClass ? html` class="${frame.htmlClass}"` : ""}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="stylesheet" href="${base}/${frame.stylesheet}">
<link rel="icon" href="${base}/icon.svg" type="image/svg+xml">
${frame.script ? html`<script src="${base}/${frame.script}" defer></script>` : ""}
</head>
<body>
<header class="top"><span class="brand">ledelsestjek</span>${heading ? html` <span class="ws">${heading}</span>` : ""}</header>
<main class="${frame.mainClass}" id="indhold">
${body}
</main>
</body>
</html>`;

/**
 * The buttons of a page, the primary first: Enter in a form submits the first button, and that must be "Næste".
 * They stack (see .buttons), so Næste is first when read aloud and on top when seen; Tilbage never sits beside it.
 */
export const buttons = (lang: Lang, primary: "naeste" | "indsend" | "start", back: boolean) => {
  const label = { naeste: lang === "da" ? "Næste" : "Next", indsend: lang === "da" ? "Indsend" : "Submit", start: "Start" }[primary];
  return html`<div class="buttons">
<button type="submit" name="handling" value="${primary}" class="primary">${label}</button>
${back ? html`<button type="submit" name="handling" value="tilbage" class="secondary">${lang === "da" ? "Tilbage" : "Back"}</button>` : ""}
</div>`;
};

/** Our own icon, so the browser does not ask for /favicon.ico outside the join code (and log a 404). */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#00703c"/></svg>`;

export const STYLE = `
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#0b0c0c;background:#fff}
.top{background:#0b0c0c;color:#fff;padding:.6rem 1rem;font-size:1rem}
.top .brand{font-weight:700}
.top .ws{opacity:.9;margin-left:.5rem}
.page{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
p,li{font-size:1.05rem}
.progress{color:#484949;margin:0;font-size:1rem}
.lead{font-size:1.15rem}
fieldset{border:0;margin:0 0 1.25rem;padding:0}
fieldset+fieldset{border-top:1px solid #b1b4b6;padding-top:1rem}
legend{font-weight:700;font-size:1.1rem;margin-bottom:.5rem;padding:0}
.hint{color:#484949;margin:.1rem 0 .4rem 2.6rem;font-size:1rem}
.radio{position:relative;display:flex;align-items:flex-start;margin:.35rem 0}
.radio input{width:1.6rem;height:1.6rem;margin:.1rem .9rem 0 0;flex:none;accent-color:#0b0c0c}
.radio label{padding:.15rem 0;font-size:1.05rem;cursor:pointer;flex:1}
.dontknow{margin-top:.7rem}
label.block{display:block;font-weight:700;margin:.5rem 0 .3rem}
textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:2px solid #0b0c0c}
input:focus,textarea:focus,button:focus,summary:focus,a:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.buttons{display:flex;flex-direction:column;align-items:stretch;gap:.75rem;margin-top:1.5rem;max-width:22rem}
.levels .level{padding:.2rem 0;border-bottom:1px solid #b1b4b6}
.levels .radio{margin:.2rem 0}
details.more{margin:0 0 .3rem 2.5rem}
details.more summary{cursor:pointer;color:#1d70b8;text-decoration:underline;font-size:1rem;padding:.1rem 0}
details.more p{margin:.3rem 0 .5rem;font-size:1rem;color:#0b0c0c}
.notice{border-left:5px solid #1d70b8;background:#f3f2f1;padding:.5rem 1rem 1rem;margin:0 0 1rem}
.notice h2{margin:.3rem 0 .5rem;font-size:1.2rem}
.notice ul{margin:.3rem 0 .8rem;padding-left:1.2rem}
.notice a{color:#1d70b8}
.notice button.secondary{background:#fff;border:2px solid #0b0c0c}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}
button{font:inherit;font-size:1.1rem;padding:.6rem 1.2rem;border:0;border-bottom:2px solid #002d18;cursor:pointer;min-height:2.75rem}
button.primary{background:#00703c;color:#fff}
button.secondary{background:#f3f2f1;color:#0b0c0c;border-bottom-color:#929191}
.error{border-left:5px solid #d4351c;padding:.5rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;padding:.4rem .3rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
tr.area th,tr.total th{font-weight:700}
meter{display:block;width:100%;max-width:8rem;height:.9rem;margin-top:.2rem}
table.result{table-layout:fixed}
table.result thead th:nth-child(2){width:4.2rem}
table.result thead th:nth-child(3){width:38%}
td,th{overflow-wrap:break-word;hyphens:auto}
.advice{border-left:5px solid #1d70b8;padding:.25rem 1rem;margin:1rem 0}
.small{font-size:.95rem;color:#484949}
`;
