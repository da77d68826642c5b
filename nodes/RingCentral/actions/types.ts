/** The registry's contract: resources own operations; an operation runs per item or per batch. */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

interface OperationBase {
	/** Persisted in saved workflows: never rename. */
	value: string;
	name: string;
	/** n8n's action label, e.g. "Send an SMS". */
	action: string;
	description: string;
	/** The operation's fields; the registry shows them for this resource and operation only. */
	properties: INodeProperties[];
	/** It sends messages: the Retry On Fail ledger keeps a retry from sending an item twice. */
	sends: boolean;
}

/** One input item in, any number of output items (several records, binary data) out. */
export interface ItemOperation extends OperationBase {
	kind: 'item';
	execute(this: IExecuteFunctions, itemIndex: number, credentialType: string): Promise<INodeExecutionData[]>;
}

/** Per input item: its output items, or the error that belongs to it alone. */
export type BatchResult = INodeExecutionData[] | Error;

/** All input items in one call (e.g. one High Volume request); one result per item, in the same order. */
export interface BatchOperation extends OperationBase {
	kind: 'batch';
	execute(this: IExecuteFunctions, itemIndexes: number[], credentialType: string): Promise<BatchResult[]>;
}

export type Operation = ItemOperation | BatchOperation;

export interface Resource {
	/** Persisted in saved workflows: never rename. */
	value: string;
	name: string;
	operations: Operation[];
}
