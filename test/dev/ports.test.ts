import * as net from 'net';
import { freePort, reservableRange } from '../../dev/n8n/ports';

// n8n, its task broker and the CLI each get a port picked before they bind it. The kernel offers a
// port it just freed again, so CI once saw n8n's task broker handed n8n's own port.
describe('ports for processes started later', () => {
	it('never the same port twice, even when each is freed at once, and never one the kernel gives out', async () => {
		const [low, high] = reservableRange();
		const ports: number[] = [];
		for (let i = 0; i < 300; i++) ports.push(await freePort());
		expect(new Set(ports).size).toBe(300);
		for (const port of ports) expect(port >= low && port < high).toBe(true);
		const kernel = net.createServer();
		await new Promise<void>((resolve) => kernel.listen(0, '127.0.0.1', resolve));
		expect((kernel.address() as net.AddressInfo).port).toBeGreaterThanOrEqual(high);
		await new Promise((resolve) => kernel.close(resolve));
	});

	it('never the same port to calls made at the same time', async () => {
		const ports = await Promise.all(Array.from({ length: 2000 }, () => freePort()));
		expect(new Set(ports).size).toBe(2000);
	});

	it('skips ports something already listens on', async () => {
		// A sixth of the range held by other listeners: unchecked, 500 picks would land on about 80 of them.
		const [low] = reservableRange();
		const holders: net.Server[] = [];
		for (let port = low; holders.length < 2000; port += 6) {
			const holder = net.createServer();
			const held = await new Promise<boolean>((resolve) => {
				holder.once('error', () => resolve(false));
				holder.listen(port, '127.0.0.1', () => resolve(true));
			});
			if (held) holders.push(holder);
		}
		const heldPorts = new Set(holders.map((h) => (h.address() as net.AddressInfo).port));
		try {
			for (let i = 0; i < 500; i++) expect(heldPorts.has(await freePort())).toBe(false);
		} finally {
			await Promise.all(holders.map((h) => new Promise((resolve) => h.close(resolve))));
		}
	});
});
