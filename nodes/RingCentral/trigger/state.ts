/**
 * What the trigger keeps in the node's static data about its subscription. The verification token
 * itself is never kept: only its SHA-256, so static data (which n8n copies into executions) holds no secret.
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

import type { TriggerContext } from './options';

export interface SubscriptionState {
	subscriptionId: string;
	/** SHA-256 (hex) of the verification token RingCentral sends with every event. */
	tokenHash: string;
	/** The webhook URL the subscription delivers to. */
	address: string;
	/** Whose record this is: a copy of the workflow carrying the static data must not act on it. */
	workflowId: string;
	nodeId: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A new random verification token (256 bits) and the hash to keep. */
export function newVerificationToken(): { token: string; tokenHash: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, tokenHash: sha256(token).toString('hex') };
}

/** Compares a presented Verification-Token with the kept hash in constant time. */
export function tokenMatches(presented: unknown, tokenHash: string): boolean {
	if (typeof presented !== 'string' || presented === '' || !/^[0-9a-f]{64}$/.test(tokenHash)) return false;
	return timingSafeEqual(sha256(presented), Buffer.from(tokenHash, 'hex'));
}

/** This node's record, if it is this workflow's and this node's own. */
export function readState(context: TriggerContext): SubscriptionState | undefined {
	const data = context.getWorkflowStaticData('node');
	const ownerMatches = data.workflowId === String(context.getWorkflow().id ?? '') && data.nodeId === context.getNode().id;
	if (typeof data.subscriptionId !== 'string' || typeof data.tokenHash !== 'string' || !ownerMatches) return undefined;
	return { subscriptionId: data.subscriptionId, tokenHash: data.tokenHash, address: String(data.address ?? ''), workflowId: String(data.workflowId), nodeId: String(data.nodeId) };
}

export function saveState(context: TriggerContext, state: Omit<SubscriptionState, 'workflowId' | 'nodeId'>): void {
	Object.assign(context.getWorkflowStaticData('node'), { ...state, workflowId: String(context.getWorkflow().id ?? ''), nodeId: context.getNode().id });
}

export function clearState(context: TriggerContext): void {
	const data = context.getWorkflowStaticData('node');
	for (const key of ['subscriptionId', 'tokenHash', 'address', 'workflowId', 'nodeId']) delete data[key];
}
