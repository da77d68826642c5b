/** Message: RingCentral's message store: read messages, wait for delivery, download files. */
import type { Resource } from '../types';
import { downloadAttachment } from './downloadAttachment.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { waitForDelivery } from './waitForDelivery.operation';

export const message: Resource = { value: 'message', name: 'Message', operations: [get, getAll, waitForDelivery, downloadAttachment] };
