/**
 * The package at work, no RingCentral account needed: starts the bundled RingCentral emulator,
 * runs the RingCentral node inside n8n's real engine (n8n-core's WorkflowExecute) to send one
 * SMS and one MMS (with examples/files/hello.png), and prints RingCentral's message info. Then the
 * RingCentral Trigger: activated, a customer's text starts a workflow that replies to them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { runRingCentral, useStoredBinaryData } from '../dev/harness/engine';
import { storedBinary } from '../dev/harness/binary';
import { credentialStore, mmsParameters, smsParameters, startEmulator } from '../dev/harness/setup';
import { replyNode, TriggerHarness, triggerParameters } from '../dev/harness/trigger';
import type { RingCentralEmulator } from '../dev/emulator';
import type { TestCredentialsHelper } from '../dev/harness/credentials';

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

		await inboundText(emulator, credentials);

		console.log(`\nThe emulator received ${emulator.outbound.length} messages using ${emulator.tokenRequests().length} token request(s).`);
	} finally {
		await emulator.stop();
	}
}

/** RingCentral Trigger → Send SMS: the workflow answers whoever texts the RingCentral number. */
async function inboundText(emulator: RingCentralEmulator, credentials: TestCredentialsHelper): Promise<void> {
	const trigger = await TriggerHarness.start({
		parameters: triggerParameters(),
		credentials,
		after: [replyNode('=Hi! We got "{{ $json.text }}" and will answer within the hour.')],
	});
	try {
		await trigger.activate();
		const [subscription] = emulator.subscriptions.list();
		console.log(`\nRingCentral Trigger activated: subscription ${subscription.id} delivers inbound texts to ${subscription.address}`);
		const { deliveries } = await emulator.injectInboundSms({ from: '+14155550142', text: 'Is my order A-1042 ready?' });
		await trigger.settled();
		const [execution] = trigger.executions;
		if (!execution || execution.run.status !== 'success') throw new Error('the inbound text did not run the workflow');
		const { from, to, text, creationTime } = execution.items[0].json;
		console.log(`A customer texts; n8n's webhook answers RingCentral in ${deliveries[0].ms} ms and the workflow starts with this item:`);
		console.log(JSON.stringify({ from, to, text, creationTime }, null, 2));
		const reply = execution.run.data.resultData.runData.Reply[0].data?.main[0]?.[0].json;
		console.log('The workflow replies → message info:');
		console.log(JSON.stringify({ id: reply?.id, to: reply?.to, subject: reply?.subject, messageStatus: reply?.messageStatus }, null, 2));
		await trigger.deactivate();
	} finally {
		await trigger.stop();
	}
}

main().catch((error: Error & { description?: string }) => {
	console.error(`Demo failed: ${error.message}${error.description ? `\n${error.description}` : ''}`);
	process.exitCode = 1;
});
