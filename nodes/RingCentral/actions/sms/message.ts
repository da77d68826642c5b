/** An item read into a message: checked From, To and Text, and RingCentral's CreateSMSMessage body. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { excerpt } from '../../helpers/text';
import { parseRecipients, parseSender, parseText } from '../../helpers/validation';
import { readItemOptions, type ItemOptions } from '../readOptions';

export interface OutgoingMessage {
	options: ItemOptions;
	from: string;
	to: string[];
	text?: string;
}

/** Reads and checks what Send SMS and Send MMS send; throws before any request when a field is wrong. */
export function readMessage(context: IExecuteFunctions, itemIndex: number, textRequired: boolean): OutgoingMessage {
	const node = context.getNode();
	const options = readItemOptions(context, itemIndex);
	const from = parseSender(node, itemIndex, context.getNodeParameter('from', itemIndex, '', { extractValue: true }), options.country);
	const to = parseRecipients(node, itemIndex, context.getNodeParameter('to', itemIndex, ''), options.country);
	const text = parseText(node, itemIndex, context.getNodeParameter('text', itemIndex, ''), textRequired);
	return { options, from, to, text };
}

/** RingCentral's CreateSMSMessage body: from, to and (when given) text. */
export function messageBody(message: OutgoingMessage): IDataObject {
	const body: IDataObject = { from: { phoneNumber: message.from }, to: message.to.map((phoneNumber) => ({ phoneNumber })) };
	if (message.text !== undefined) body.text = message.text;
	return body;
}

/** Identifies a message in errors: kind, recipients and the start of the text. */
export function describeMessage(kind: string, message: OutgoingMessage): string {
	return `${kind} to ${message.to.join(', ')}${message.text ? ` "${excerpt(message.text, 30)}"` : ''}`;
}
