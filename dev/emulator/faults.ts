// Fault injection: a first-in first-out queue of faults matched by method and path.
import type { Fault, FaultKind } from './types';

/** Injected faults, consumed first-in first-out by matching requests. */
export class FaultQueue {
	private faults: Fault[] = [];

	add(fault: Fault): void {
		if (!(fault.count > 0)) return;
		this.faults.push({ ...fault });
	}

	/** The fault for this request, if any; consumes one count. */
	take(method: string, pathname: string): FaultKind | undefined {
		const index = this.faults.findIndex((fault) => matches(fault, method, pathname));
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.count--;
		if (fault.count <= 0) this.faults.splice(index, 1);
		return fault.fault;
	}

	clear(): void {
		this.faults = [];
	}
}

function matches(fault: Fault, method: string, pathname: string): boolean {
	if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
	if (typeof fault.path === 'string') return fault.path === pathname;
	fault.path.lastIndex = 0; // a /g or /y RegExp would otherwise remember its last match
	return fault.path.test(pathname);
}

/** Whether a fault runs the real handler (stores the message) before its own response. */
export function isProcessed(fault: FaultKind): boolean {
	switch (fault.kind) {
		case 'status':
		case 'drop':
			return fault.processed === true;
		case 'delay':
		case 'malformedJson':
		case 'truncated':
			return fault.processed !== false;
		case 'trickle':
			return true;
		default:
			return false;
	}
}
