// Ports for processes started later (n8n, its task broker, a worker's health check, Redis…).
import * as fs from 'fs';
import * as net from 'net';

/**
 * A port to hand to a process that binds it later; nothing holds it meanwhile. So it is drawn
 * below the kernel's ephemeral range, where no listen(0) and no outgoing connection of any process
 * can take it first (the kernel offers a port it just freed again: once it gave n8n's task broker
 * the port n8n itself was about to take), and this process never hands the same port out twice.
 */
export async function freePort(): Promise<number> {
	const [low, high] = reservableRange();
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = low + Math.floor(Math.random() * (high - low));
		if (handedOut.has(port)) continue;
		// Taken before the check, so that calls running at the same time cannot both pick it.
		handedOut.add(port);
		if (await bindable(port)) return port;
		handedOut.delete(port);
	}
	throw new Error(`no free port in ${low}-${high - 1} after 200 tries`);
}

const handedOut = new Set<number>();

/** [low, high): the 12,000 ports under the ephemeral range (Linux default 32768-60999). */
export function reservableRange(): [number, number] {
	let ephemeralLow = 32768;
	try {
		ephemeralLow = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || ephemeralLow;
	} catch {
		// not Linux: the IANA dynamic range starts at 49152, so 32768 stays below it too
	}
	// Above the privileged ports; with an ephemeral range starting under 13024 the two overlap.
	const high = Math.max(ephemeralLow, 12_000 + 1024);
	return [high - 12_000, high];
}

function bindable(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}
