// RingCentral error bodies. Real responses duplicate errors[0] at the top level
// (https://developers.ringcentral.com/guide/basics/errors), and the token endpoint adds OAuth's error/error_description.

export interface ErrorOptions {
	parameterName?: string;
	/** OAuth `error` value; set only on /restapi/oauth/* responses. */
	oauthError?: string;
	headers?: Record<string, string>;
}

/** Thrown by handlers; the server turns it into an error response. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string,
		readonly options: ErrorOptions = {},
	) {
		super(message);
	}

	get body(): Record<string, unknown> {
		return errorBody(this.errorCode, this.message, this.options);
	}
}

export function errorBody(errorCode: string, message: string, options: ErrorOptions = {}): Record<string, unknown> {
	const entry: Record<string, unknown> = { errorCode, message };
	if (options.parameterName !== undefined) entry.parameterName = options.parameterName;
	const body: Record<string, unknown> = { errorCode, message, errors: [entry] };
	if (options.oauthError) {
		body.error = options.oauthError;
		body.error_description = message;
	}
	return body;
}

/** "Parameter [x] value is invalid." with parameterName, the generic 400. */
export function invalidParameter(name: string, status = 400): ApiError {
	return new ApiError(status, 'CMN-101', `Parameter [${name}] value is invalid.`, { parameterName: name });
}

/** A plausible body for a fault that gives only a status. */
export function defaultErrorForStatus(status: number): Record<string, unknown> {
	if (status === 401) return errorBody('OAU-129', 'Access token corrupted');
	if (status === 404) return errorBody('CMN-102', 'Resource for parameter [path] is not found');
	if (status === 429) return errorBody('CMN-301', 'Request rate exceeded');
	if (status === 503) return errorBody('CMN-201', 'Service Temporary Unavailable');
	if (status >= 500) return errorBody('CMN-203', 'Internal Server Error');
	return errorBody('CMN-101', 'Parameter value is invalid.');
}

/** errors[0].errorCode of a response body, for the journal. */
export function errorCodeOf(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const errors = (body as { errors?: unknown }).errors;
	if (Array.isArray(errors) && errors[0] && typeof errors[0].errorCode === 'string') return errors[0].errorCode;
	const top = (body as { errorCode?: unknown }).errorCode;
	return typeof top === 'string' ? top : undefined;
}
