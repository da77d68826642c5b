/** The transport's facade: what operations, list searches and the trigger use to talk to RingCentral. */
export { credentialTypeFor } from './credential';
export { ENDPOINTS, type Endpoint, type PathParam, type RateLimitGroup } from './endpoints';
export { mayHaveBeenSent, uncertainOutcome } from './errors';
export { readByIds, type BulkAnswer, type BulkRead } from './bulk';
export { buildMultipart, type FilePart } from './multipart';
export { readAllPages, type PagingOptions } from './paging';
export { DEFAULT_POLICY, POLICY_LIMITS, type RequestPolicy } from './policy';
export { ringCentralRequest, type ApiRequest, type ApiResponse } from './request';
export type { RingCentralContext } from './types';

import type { IDataObject } from 'n8n-workflow';

import { ringCentralRequest, type ApiRequest } from './request';
import type { RingCentralContext } from './types';

/** A request whose answer is a JSON object, e.g. a message info. */
export async function ringCentralJson(this: RingCentralContext, credentialType: string, request: ApiRequest): Promise<IDataObject> {
	return (await ringCentralRequest.call(this, credentialType, request)).body as IDataObject;
}
