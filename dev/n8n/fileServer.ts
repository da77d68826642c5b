/** A tiny local file server, so the download example runs without the internet. */
import * as fs from 'fs';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

const CONTENT_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.vcf': 'text/vcard' };

export interface FileServer {
	url: string;
	/** GET paths served so far. */
	requests: string[];
	stop(): Promise<void>;
}

/** Serves the files of `dir` at /<file name> on 127.0.0.1. */
export async function startFileServer(dir: string, port = 0): Promise<FileServer> {
	const requests: string[] = [];
	const server = createServer((req, res) => {
		const name = path.basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		requests.push(`${req.method} /${name}`);
		const file = path.join(dir, name);
		if (req.method !== 'GET' || !name || !fs.existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		const body = fs.readFileSync(file);
		const type = CONTENT_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
		res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		requests,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
