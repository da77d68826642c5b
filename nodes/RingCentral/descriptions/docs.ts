/** Where the README documents each part of the package: the editor's Docs links and the errors' "see" links. */
const README = 'https://github.com/n8n-nodes-ringcentral/n8n-nodes-ringcentral';

/**
 * README sections by their GitHub anchors. The nodes give them as `documentationUrl`, which n8n's
 * panel opens as it is; a codex URL gets n8n's `?utm_…` query appended after the `#anchor`,
 * which then no longer matches the heading (the codex files carry the README without an anchor).
 */
export const DOCS = {
	readme: README,
	operations: `${README}#operations`,
	trigger: `${README}#ringcentral-trigger`,
	customApiCall: `${README}#call-any-ringcentral-api`,
} as const;
