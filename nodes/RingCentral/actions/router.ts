import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialTypeFor, mayHaveBeenSent } from '../transport';
import { sentItemsLedger } from './sentItemsLedger';
import * as sendSms from './sms/send.operation';
import * as sendMms from './sms/sendMms.operation';

type Operation = (this: IExecuteFunctions, itemIndex: number, credentialType: string) => Promise<IDataObject>;

const operations: Record<string, Record<string, Operation>> = {
	sms: { send: sendSms.execute, sendMms: sendMms.execute },
};

/** Runs the chosen operation once per item; one output item per input item, paired to it. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const credentialType = credentialTypeFor(this.getNodeParameter('authentication', 0, 'jwt'));
	// Resource and operation cannot be expressions (noDataExpression): read once per run.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	const returnData: INodeExecutionData[] = [];
	const ledger = sentItemsLedger(this);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const previous = ledger?.previous(itemIndex);
			if (previous && 'error' in previous) throw previous.error;
			if (previous) {
				returnData.push({ json: previous.json, pairedItem: { item: itemIndex } });
				continue;
			}
			if (!execute) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex });
			}
			const json = await execute.call(this, itemIndex, credentialType);
			ledger?.recordSent(itemIndex, json);
			returnData.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (mayHaveBeenSent(nodeError)) ledger?.recordUncertain(itemIndex, nodeError);
			if (this.continueOnFail()) {
				// n8n shows the item as failed; its json becomes { error: message }, the fix stays on `error`.
				returnData.push({ json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } });
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}
