/** The RingCentral Trigger's parameters (UI). Their names are public contract: saved workflows hold them. */
import type { INodeProperties } from 'n8n-workflow';

import { authentication } from '../descriptions/authentication';

/** Events the trigger can start on; RingCentral's notifications carry whole messages only for inbound ones. */
export const EVENTS = { inboundMessage: 'inboundMessage' } as const;

const events: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Inbound Message',
			value: EVENTS.inboundMessage,
			description: "An SMS or MMS received by the user's RingCentral numbers",
		},
	],
	default: [EVENTS.inboundMessage],
};

// n8n's lint wants option defaults written out: options.ts reads the same values when an option is not added.
const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Binary Field Prefix',
			name: 'binaryPropertyPrefix',
			type: 'string',
			default: 'attachment_',
			description: 'Names of the binary properties that hold the files of an MMS: this prefix and a number from 0, e.g. attachment_0, attachment_1',
		},
		{
			displayName: 'Download Attachments',
			name: 'downloadAttachments',
			type: 'boolean',
			default: true,
			description: 'Whether to download the files of an MMS into binary data (on unless turned off here). Off, the item lists them (type, size, URI) without their content.',
		},
		{
			displayName: 'Extension IDs',
			name: 'extensionIds',
			type: 'string',
			default: '~',
			placeholder: '~, 62264425016',
			description: 'Whose messages start the workflow: ~ for the authenticated user, or a comma-separated list of extension IDs. Listening for other users or departments needs a RingCentral admin (super admin) credential.',
		},
		{
			displayName: 'Only To These Numbers',
			name: 'onlyToNumbers',
			type: 'string',
			default: '',
			placeholder: '+16505550100, +16505550101',
			description: 'Start only for messages sent to one of these of your numbers (comma-separated, E.164). Empty: any of your numbers.',
		},
	],
};

export const triggerProperties: INodeProperties[] = [authentication, events, options];
