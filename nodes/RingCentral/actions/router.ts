/** Runs the chosen operation per item or per batch; pairs outputs to inputs; Continue On Fail; the send ledger. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialTypeFor, mayHaveBeenSent } from '../transport';
import { customApiCall, isCustomApiCall } from './customApiCall';
import { RESOURCES } from './resources';
import { sentItemsLedger, type SentItemsLedger } from './sentItemsLedger';
import type { BatchResult, Operation } from './types';

type NodeError = NodeApiError | NodeOperationError;

function findOperation(resource: string, operation: string): Operation | undefined {
	if (isCustomApiCall(resource, operation)) return customApiCall;
	return RESOURCES.find((entry) => entry.value === resource)?.operations.find((entry) => entry.value === operation);
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const credentialType = credentialTypeFor(this.getNodeParameter('authentication', 0, 'jwt'));
	// Resource and operation cannot be expressions (noDataExpression): read once per run.
	const resource = this.getNodeParameter('resource', 0) as string;
	// Custom API Call picked as the Resource leaves no Operation.
	const operationName = this.getNodeParameter('operation', 0, '') as string;
	const operation = findOperation(resource, operationName);
	const ledger = operation?.sends ? sentItemsLedger(this) : undefined;
	const results: BatchResult[] = new Array(items.length);

	// What a retry already sent (or may have sent) is reused, never sent again.
	const previous = (itemIndex: number): BatchResult | undefined => {
		const entry = ledger?.previous(itemIndex);
		return entry && ('error' in entry ? entry.error : entry.output);
	};
	// Without Continue On Fail the first error ends the run: later items are not sent.
	const stopsHere = (result: BatchResult) => result instanceof Error && !this.continueOnFail();

	if (operation?.kind === 'batch') {
		const pending: number[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			results[itemIndex] = previous(itemIndex) as BatchResult;
			if (results[itemIndex] === undefined) pending.push(itemIndex);
		}
		if (pending.length && !results.some((result) => result !== undefined && stopsHere(result))) {
			let batch: BatchResult[];
			try {
				batch = await operation.execute.call(this, pending, credentialType);
			} catch (error) {
				batch = pending.map(() => error as Error);
			}
			pending.forEach((itemIndex, position) => (results[itemIndex] = record(ledger, itemIndex, batch[position])));
		}
	} else {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			let result = previous(itemIndex);
			if (result === undefined) {
				try {
					if (!operation) throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`, { itemIndex });
					result = await operation.execute.call(this, itemIndex, credentialType);
				} catch (error) {
					result = error as Error;
				}
				result = record(ledger, itemIndex, result);
			}
			results[itemIndex] = result;
			if (stopsHere(result)) break;
		}
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results[itemIndex];
		if (result === undefined) continue;
		if (result instanceof Error) {
			const nodeError = asNodeError(this, result, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			// n8n shows the item as failed; its json becomes { error: message }, the fix stays on `error`.
			returnData.push({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } });
			continue;
		}
		for (const output of result) returnData.push({ ...output, pairedItem: output.pairedItem ?? { item: itemIndex } });
	}
	return [returnData];
}

function record(ledger: SentItemsLedger | undefined, itemIndex: number, result: BatchResult | undefined): BatchResult {
	const outcome = result ?? new Error('The operation gave no result for this item');
	if (outcome instanceof Error) {
		if (mayHaveBeenSent(outcome)) ledger?.recordUncertain(itemIndex, outcome);
	} else {
		ledger?.recordSent(itemIndex, outcome);
	}
	return outcome;
}

function asNodeError(context: IExecuteFunctions, error: Error, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
