/**
 * The embeddable roster (`/members/embed/`): a page other sites can put in an iframe, with
 * no site chrome, its own small stylesheet inline, no scripts, and links that open outside
 * the frame.
 */
import type { MembershipData } from "./roster.js";
import type { PublicMember } from "./types.js";
import { escapeXml } from "./xml.js";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:16px;font:15px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232a;background:#fff}
h1{font-size:1.1rem;margin:0 0 12px}
h2{font-size:.95rem;margin:20px 0 8px;text-transform:uppercase;letter-spacing:.04em;color:#4a5561}
ul{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:12px}
li a,li .card{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:6px;min-height:88px;padding:10px;border:1px solid #e1e5ea;border-radius:6px;color:inherit;text-decoration:none;text-align:center}
li a:hover,li a:focus{border-color:#7d8b99}
li a:focus{outline:2px solid #2f6fb0;outline-offset:2px}
img{max-width:100%;max-height:48px;object-fit:contain}
.name{font-size:.85rem}
.featured ul{grid-template-columns:repeat(auto-fill,minmax(200px,1fr))}
.featured img{max-height:64px}
`.trim();

function memberItem(member: PublicMember): string {
  const logo = member.logo ? `<img src="${escapeXml(member.logo)}" alt="" loading="lazy">` : "";
  const inner = `${logo}<span class="name">${escapeXml(member.name)}</span>`;
  return member.url
    ? `<li><a href="${escapeXml(member.url)}" target="_blank" rel="noopener">${inner}</a></li>`
    : `<li><span class="card">${inner}</span></li>`;
}

export function embedPageHtml(data: MembershipData, options: { lang?: string } = {}): string {
  const foundation = data.site.name ?? "Our";
  const title = `${foundation} members`;
  const sections = data.roster.map((group) => [
    `<section class="tier tier-${escapeXml(group.tier.id)}${group.tier.featured ? " featured" : ""}" aria-labelledby="tier-${escapeXml(group.tier.id)}">`,
    `<h2 id="tier-${escapeXml(group.tier.id)}">${escapeXml(group.tier.name)}</h2>`,
    `<ul>${group.members.map(memberItem).join("")}</ul>`,
    "</section>",
  ].join("\n"));
  return [
    "<!doctype html>",
    `<html lang="${escapeXml(options.lang ?? "en")}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The full roster page is the one to index; this one exists to be framed.
    '<meta name="robots" content="noindex">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeXml(title)}</h1>`,
    sections.length ? sections.join("\n") : "<p>No members yet.</p>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
