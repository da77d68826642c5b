/** Per execution, what each item's send produced, so that n8n's Retry On Fail never sends an item twice. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * n8n's "Retry On Fail" runs the whole node again, for every item, when it throws or when its
 * first output item carries an error (with Continue On Fail). Messages already sent in the
 * failed try would go out twice. The ledger remembers, per execution, node and run, what each
 * item's send produced; the retry reuses it instead of sending again.
 */
interface Ledger {
	touched: number;
	sent: Map<number, INodeExecutionData[]>;
	/** Items whose message may have gone out: a retry must not send them again. */
	uncertain: Map<number, Error>;
}

/** n8n retries within seconds (at most 5 tries, 5 s apart); ten idle minutes end a ledger. */
const IDLE_MS = 10 * 60_000;
const ledgers = new Map<string, Ledger>();

export interface SentItemsLedger {
	previous(itemIndex: number): { output: INodeExecutionData[] } | { error: Error } | undefined;
	recordSent(itemIndex: number, output: INodeExecutionData[]): void;
	recordUncertain(itemIndex: number, error: Error): void;
}

/** The ledger of this run of the node, or undefined when n8n will not retry it. */
export function sentItemsLedger(context: IExecuteFunctions): SentItemsLedger | undefined {
	const node = context.getNode();
	if (node.retryOnFail !== true) return undefined;
	const now = Date.now();
	for (const [key, ledger] of ledgers) if (now - ledger.touched > IDLE_MS) ledgers.delete(key);
	const runIndex = context.getWorkflowDataProxy(0).$runIndex as number;
	const key = `${context.getExecutionId()}\u0000${node.name}\u0000${runIndex}`;
	let ledger = ledgers.get(key);
	if (!ledger) {
		ledger = { touched: now, sent: new Map(), uncertain: new Map() };
		ledgers.set(key, ledger);
	}
	const current = ledger;
	const touch = () => (current.touched = Date.now());
	return {
		previous(itemIndex) {
			touch();
			const output = current.sent.get(itemIndex);
			if (output) return { output };
			const error = current.uncertain.get(itemIndex);
			return error ? { error } : undefined;
		},
		recordSent(itemIndex, output) {
			touch();
			current.sent.set(itemIndex, output);
		},
		recordUncertain(itemIndex, error) {
			touch();
			current.uncertain.set(itemIndex, error);
		},
	};
}
