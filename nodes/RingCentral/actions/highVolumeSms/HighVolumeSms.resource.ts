/** High Volume SMS (A2P): thousands of texts per request from an enrolled number, batch status, message log, opt-outs. */
import type { Resource } from '../types';
import { getBatch } from './getBatch.operation';
import { getManyMessages } from './getManyMessages.operation';
import { getOptOuts } from './getOptOuts.operation';
import { send } from './send.operation';

export const highVolumeSms: Resource = { value: 'highVolumeSms', name: 'High Volume SMS', operations: [send, getBatch, getManyMessages, getOptOuts] };
