// Messages that arrive from outside (texts, MMS with files, faxes): put straight into the message
// store, as RingCentral stores an inbound message (status Received, Unread).
import { createHash } from 'node:crypto';

import { EMULATOR_DEFAULTS } from './fixtures';
import type { EmulatorState } from './routes';
import type { JournalPart, MessageAttachmentInfo, MessageInfo, StoredMessage } from './types';

export interface InboundFile {
	bytes: Buffer;
	contentType: string;
	/** RingCentral often gives received files no name. */
	fileName?: string;
}

export interface InboundMessage {
	from: string;
	/** Default: the emulator's first number. */
	to?: string[];
	text?: string;
	files?: InboundFile[];
	type?: MessageInfo['type'];
	readStatus?: MessageInfo['readStatus'];
	/** Default: now. */
	creationTime?: Date;
	/** The extension that receives it; default the emulator's user. */
	extensionId?: string;
	conversationId?: number;
}

/** Stores a received message and returns it; its attachments download like any other. */
export function receiveMessage(state: EmulatorState, input: InboundMessage): StoredMessage {
	const id = state.nextId();
	const uri = `${state.url}/restapi/v1.0/account/${EMULATOR_DEFAULTS.accountId}/extension/${input.extensionId ?? EMULATOR_DEFAULTS.extensionId}/message-store/${id}`;
	const to = input.to ?? [state.options.phoneNumbers[0].phoneNumber];
	const attachments: MessageAttachmentInfo[] = [];
	const content: Record<string, Buffer> = {};
	if (input.text !== undefined) {
		const attId = state.nextId();
		attachments.push({ id: Number(attId), uri: `${uri}/content/${attId}`, type: 'Text', contentType: 'text/plain' });
		content[attId] = Buffer.from(input.text, 'utf8');
	}
	for (const file of input.files ?? []) {
		const attId = state.nextId();
		const attachment: MessageAttachmentInfo = { id: Number(attId), uri: `${uri}/content/${attId}`, type: 'MmsAttachment', contentType: file.contentType, size: file.bytes.length };
		if (file.fileName !== undefined) attachment.fileName = file.fileName;
		attachments.push(attachment);
		content[attId] = file.bytes;
	}
	const time = (input.creationTime ?? new Date()).toISOString();
	const conversationId = input.conversationId ?? Number(id) * 7;
	const info: MessageInfo = {
		uri,
		id: Number(id),
		to: to.map((phoneNumber) => ({ phoneNumber })),
		from: { phoneNumber: input.from },
		type: input.type ?? 'SMS',
		creationTime: time,
		readStatus: input.readStatus ?? 'Unread',
		priority: 'Normal',
		attachments,
		direction: 'Inbound',
		availability: 'Alive',
		messageStatus: 'Received',
		conversationId,
		conversation: { id: String(conversationId), uri: `${state.url}/restapi/v1.0/conversation/${conversationId}` },
		lastModifiedTime: time,
	};
	if (input.text !== undefined) info.subject = input.text;
	const files: JournalPart[] = (input.files ?? []).map((file) => ({
		name: 'attachment',
		size: file.bytes.length,
		sha256: createHash('sha256').update(file.bytes).digest('hex'),
		contentType: file.contentType,
		...(file.fileName !== undefined ? { fileName: file.fileName } : {}),
	}));
	const stored: StoredMessage = { id, from: input.from, to, attachments: files, info, content };
	if (input.text !== undefined) stored.text = input.text;
	state.messages.push(stored);
	return stored;
}
