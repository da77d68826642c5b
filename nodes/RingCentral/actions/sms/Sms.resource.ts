/** SMS: send texts and MMS through RingCentral's standard messaging API. */
import type { Resource } from '../types';
import { send } from './send.operation';
import { sendMms } from './sendMms.operation';

export const sms: Resource = { value: 'sms', name: 'SMS', operations: [send, sendMms] };
