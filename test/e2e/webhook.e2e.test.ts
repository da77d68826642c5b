/**
 * `n8n start` with the published webhook example: a CRM-like POST makes exactly one SMS, and the
 * webhook answers with RingCentral's message info.
 */
import axios from 'axios';

import { EXAMPLES, jwtCredential, loadExample } from '../../dev/n8n/examples';
import { activateWorkflow, sleep, waitForExecutions } from '../../dev/n8n/n8n';
import { describeE2e, runningN8n } from '../../dev/n8n/setup';

describeE2e('webhook example on a running n8n', () => {

	const stack = runningN8n((access) => ({ credentials: [jwtCredential(access)], workflows: [loadExample('webhookSms')] }));

	test('a CRM payload POSTed to the production webhook sends one SMS and returns its message info', async () => {
		const publication = await activateWorkflow(stack.client, EXAMPLES.webhookSms.id);
		expect(publication.status).toBe('published');

		const payload = {
			contact: { firstName: 'Ann', lastName: 'Lee', phone: '(415) 555-0142' },
			deal: { name: 'Acme renewal', stage: 'Proposal', amount: 12000 },
		};
		const url = `${stack.n8n.url}/webhook/${EXAMPLES.webhookSms.webhookPath}`;
		const response = await postUntilRegistered(url, payload);

		expect(response.status).toBe(200);
		expect(stack.emulator.messages).toHaveLength(1);
		const [message] = stack.emulator.messages;
		expect(message.to).toEqual(['+14155550142']);
		expect(message.from).toBe('+16505550100');
		for (const value of ['Ann', 'Acme renewal', 'Proposal']) expect(message.text).toContain(value);
		expect(response.data).toMatchObject({ id: Number(message.id), messageStatus: 'Queued', subject: message.text });
		expect(response.data).toEqual(message.info);

		const [execution] = await waitForExecutions(stack.client, EXAMPLES.webhookSms.id, 1);
		expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	});
});

/**
 * Publishing settles before the webhook route is registered in some runs; only a 404 means "not
 * yet" (the workflow never ran), so the first other answer is the one under test.
 */
async function postUntilRegistered(url: string, body: object, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await axios.post(url, body, { validateStatus: () => true });
		if (response.status !== 404 || Date.now() > deadline) return response;
		await sleep(250);
	}
}
