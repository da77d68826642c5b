import * as fs from 'fs';
import * as path from 'path';

import { RingCentral } from '../../../nodes/RingCentral/RingCentral.node';
import { RingCentralTrigger } from '../../../nodes/RingCentral/RingCentralTrigger.node';

const README = 'https://github.com/n8n-nodes-ringcentral/n8n-nodes-ringcentral';
const readme = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
const anchors = readme.split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => line.replace(/^#+ /, '').trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-'));

/**
 * n8n's panel opens a node's `documentationUrl` as it is when it starts with http; otherwise it
 * takes the codex URL and appends `?utm_source=…`, which after a `#fragment` breaks the anchor
 * (n8n 2.41.1, editor-ui NodeSettings: useNodeDocsUrl).
 */
describe("The panel's Docs link opens the node's README section", () => {
	test.each([
		['RingCentral', new RingCentral().description.documentationUrl, 'operations'],
		['RingCentral Trigger', new RingCentralTrigger().description.documentationUrl, 'ringcentral-trigger'],
	])('%s links %s, a README heading', (_, url, anchor) => {
		expect(url).toBe(`${README}#${anchor}`);
		expect(anchors).toContain(anchor);
	});

	test.each(['RingCentral.node.json', 'RingCentralTrigger.node.json'])('the codex %s has no fragment for n8n to break', (file) => {
		const codex = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'nodes', 'RingCentral', file), 'utf8'));
		for (const { url } of codex.resources.primaryDocumentation) expect(url).not.toContain('#');
	});
});
