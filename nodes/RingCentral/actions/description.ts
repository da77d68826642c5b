/** The node's parameters, built from the registry: authentication, resource, each resource's operations and fields. */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { authentication } from '../descriptions/authentication';
import { customApiCall } from './customApiCall';
import { RESOURCES } from './resources';

// The registry's first resource (and each resource's first operation) is the default, not a literal.
// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ name, value }) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name)),
	default: RESOURCES[0].value,
};

/** A resource's operations in its menu, then n8n's Custom API Call (see customApiCall.ts). */
/** The Operation menu: the resource's operations in n8n's alphabetical order, Custom API Call last (n8n adds none then). */
const menuOf = (entry: (typeof RESOURCES)[number]) => [...[...entry.operations].sort((a, b) => a.name.localeCompare(b.name)), customApiCall];

function operationsOf(entry: (typeof RESOURCES)[number]): INodeProperties[] {
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [entry.value] } },
		options: menuOf(entry).map(({ name, value, action, description }) => ({ name, value, action, description })),
		default: entry.operations[0].value,
	};
	const fields = entry.operations.flatMap((operation) =>
		updateDisplayOptions({ show: { resource: [entry.value], operation: [operation.value] } }, operation.properties),
	);
	return [selector, ...fields];
}

export const properties: INodeProperties[] = [authentication, resource, ...RESOURCES.flatMap(operationsOf)];

/** The node's subtitle: the chosen operation's name. */
const names = Object.fromEntries(RESOURCES.flatMap((entry) => menuOf(entry).map((operation) => [`${entry.value}:${operation.value}`, operation.name])));
export const subtitle = `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
