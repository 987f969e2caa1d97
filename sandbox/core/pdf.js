'use strict';
// Smallest valid one-page PDF with a few text lines (correct xref offsets so readers accept it):
// the record PDFs and signed documents the sandbox serves.
function minimalPdf(lines) {
	const esc = (s) =>
		String(s)
			.replace(/[\\()]/g, (c) => `\\${c}`)
			.replace(/[^\x20-\x7e]/g, '?');
	const text = lines
		.map((l, i) => `BT /F1 12 Tf 72 ${740 - i * 18} Td (${esc(l)}) Tj ET`)
		.join('\n');
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objs.forEach((o, i) => {
		offsets.push(Buffer.byteLength(out));
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out);
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

module.exports = { minimalPdf };
