/**
 * Countries whose national number spellings the node turns into E.164. `trunk` is the national
 * prefix dropped before the country code is added ("020 7946 0018" in GB is +44 20 7946 0018);
 * `lengths` are the possible lengths of the national significant number.
 */
export interface CountryRule {
	name: string;
	callingCode: string;
	trunk?: string;
	lengths: [number, number];
}

const NANP: Omit<CountryRule, 'name'> = { callingCode: '1', trunk: '1', lengths: [10, 10] };

export const COUNTRIES: Record<string, CountryRule> = {
	US: { name: 'United States', ...NANP },
	CA: { name: 'Canada', ...NANP },
	PR: { name: 'Puerto Rico', ...NANP },
	GB: { name: 'United Kingdom', callingCode: '44', trunk: '0', lengths: [9, 10] },
	IE: { name: 'Ireland', callingCode: '353', trunk: '0', lengths: [7, 9] },
	AU: { name: 'Australia', callingCode: '61', trunk: '0', lengths: [9, 9] },
	NZ: { name: 'New Zealand', callingCode: '64', trunk: '0', lengths: [8, 10] },
	DE: { name: 'Germany', callingCode: '49', trunk: '0', lengths: [6, 13] },
	FR: { name: 'France', callingCode: '33', trunk: '0', lengths: [9, 9] },
	NL: { name: 'Netherlands', callingCode: '31', trunk: '0', lengths: [9, 9] },
	BE: { name: 'Belgium', callingCode: '32', trunk: '0', lengths: [8, 9] },
	CH: { name: 'Switzerland', callingCode: '41', trunk: '0', lengths: [9, 9] },
	AT: { name: 'Austria', callingCode: '43', trunk: '0', lengths: [7, 13] },
	ES: { name: 'Spain', callingCode: '34', lengths: [9, 9] },
	IT: { name: 'Italy', callingCode: '39', lengths: [6, 11] },
	PT: { name: 'Portugal', callingCode: '351', lengths: [9, 9] },
	SE: { name: 'Sweden', callingCode: '46', trunk: '0', lengths: [7, 10] },
	NO: { name: 'Norway', callingCode: '47', lengths: [8, 8] },
	DK: { name: 'Denmark', callingCode: '45', lengths: [8, 8] },
	FI: { name: 'Finland', callingCode: '358', trunk: '0', lengths: [6, 11] },
	MX: { name: 'Mexico', callingCode: '52', lengths: [10, 10] },
	BR: { name: 'Brazil', callingCode: '55', trunk: '0', lengths: [10, 11] },
	IN: { name: 'India', callingCode: '91', trunk: '0', lengths: [10, 10] },
	PH: { name: 'Philippines', callingCode: '63', trunk: '0', lengths: [8, 10] },
	SG: { name: 'Singapore', callingCode: '65', lengths: [8, 8] },
	ZA: { name: 'South Africa', callingCode: '27', trunk: '0', lengths: [9, 9] },
};

export const DEFAULT_COUNTRY = 'US';

export const countryOptions = Object.entries(COUNTRIES)
	.map(([code, rule]) => ({ name: `${rule.name} (+${rule.callingCode})`, value: code }))
	.sort((a, b) => a.name.localeCompare(b.name));
