/**
 * The package at work, no RingCentral account needed: starts the bundled RingCentral emulator,
 * runs the RingCentral node inside n8n's real engine (n8n-core's WorkflowExecute) to send one
 * SMS and one MMS (with examples/files/hello.png), and prints RingCentral's message info.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { runRingCentral, useStoredBinaryData } from '../dev/harness/engine';
import { storedBinary } from '../dev/harness/binary';
import { credentialStore, mmsParameters, smsParameters, startEmulator } from '../dev/harness/setup';

async function main(): Promise<void> {
	const emulator = await startEmulator();
	try {
		console.log(`RingCentral emulator listening on ${emulator.url}\n`);
		const credentials = credentialStore(emulator);

		const sms = await runRingCentral({
			parameters: smsParameters({ to: '={{ $json.phone }}', text: '=Hi {{ $json.name }}, your order {{ $json.order }} has shipped.' }),
			credentials,
			items: [{ json: { name: 'Ann', phone: '(415) 555-0100', order: 'A-1042' } }],
		});
		if (sms.error) throw sms.error;
		console.log('Send SMS → message info:');
		console.log(JSON.stringify(sms.output[0].json, null, 2));

		// Real n8n 2.x keeps binary data in its filesystem store; so does the demo.
		const store = await useStoredBinaryData();
		const photo = readFileSync(path.join(__dirname, '..', 'examples', 'files', 'hello.png'));
		const mms = await runRingCentral({
			parameters: mmsParameters({ text: 'Here is the picture you asked for' }),
			credentials,
			items: [{ json: {}, binary: { data: await storedBinary(store, photo, 'image/png', 'hello.png') } }],
		});
		if (mms.error) throw mms.error;
		console.log('\nSend MMS → message info:');
		console.log(JSON.stringify(mms.output[0].json, null, 2));

		console.log(`\nThe emulator received ${emulator.messages.length} messages using ${emulator.tokenRequests().length} token request(s).`);
	} finally {
		await emulator.stop();
	}
}

main().catch((error: Error & { description?: string }) => {
	console.error(`Demo failed: ${error.message}${error.description ? `\n${error.description}` : ''}`);
	process.exitCode = 1;
});
