/** Every resource of the RingCentral node: one line each. */
import { highVolumeSms } from './highVolumeSms/HighVolumeSms.resource';
import { message } from './message/Message.resource';
import { sms } from './sms/Sms.resource';
import type { Resource } from './types';

export const RESOURCES: Resource[] = [sms, message, highVolumeSms];
