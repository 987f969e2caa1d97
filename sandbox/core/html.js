'use strict';
// The plain HTML pages of the hosted-page stand-ins (a person's browser, not an API client).
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) =>
	`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

/** Answers with a page; `body` is HTML (escape what it quotes). */
const sendPage = (res, status, title, body) =>
	res.status(status).type('html').send(page(title, body));

module.exports = { esc, page, sendPage };
