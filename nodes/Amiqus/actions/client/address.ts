import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The country codes Amiqus accepts in an address (ISO 3166-1 alpha-2, as its API lists them). */
export const ADDRESS_COUNTRIES = (
	'AF AX AL DZ AS AD AO AI AG AR AM AW AU AT AZ BS BH BD BB BY BE BZ BJ BM BT BO BA BW BV BR IO BN BG BF BI KH ' +
	'CA CV KY CF TD CL CN CX CC CO KM CG CD CK CR HR CU CW CY CZ CI DK DJ DM DO EC EG SV GQ ER EE ET FK FO FJ FI FR ' +
	'GF PF TF GA GM GE DE GH GI GR GL GD GP GU GT GG GN GW GY HT HM VA HN HK HU IS IN ID IR IQ IE IM IL IT JM JP JE ' +
	'JO KZ KE KI KP XK KW KG LA LV LB LS LR LY LI LT LU MO MK MG MW MY MV ML MT MH MQ MR MU YT MX FM MD MC MN ME MS ' +
	'MA MZ MM NA NR NP NL AN NC NZ NI NE NG NU NF MP NO OM PK PS PW PA PG PY PE PH PN PL PT PR QA CM RE RO RU RW BL ' +
	'SH KN LC MF PM WS SM ST SA SN RS SC SL SG SX SK SI SB SO ZA GS KR SS ES LK VC SD SR SJ SZ SE CH SY TW TJ TZ TH ' +
	'TL TG TK TO TT TN TR TM TC TV UG UA AE GB US UM UY UZ VU VE VN VG VI WF EH YE YU ZM ZW'
).split(' ');

/** Codes that no longer name a country today, so the display names do not know them. */
const FORMER_COUNTRIES: Record<string, string> = { AN: 'Netherlands Antilles', YU: 'Yugoslavia' };

function countryName(code: string): string {
	if (FORMER_COUNTRIES[code]) return FORMER_COUNTRIES[code];
	try {
		return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}

const countryOptions: INodePropertyOptions[] = ADDRESS_COUNTRIES.map((code) => ({
	name: `${countryName(code)} (${code})`,
	value: code,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The writable lines of an Amiqus address: parameter name = API field. */
export const ADDRESS_LINES = [
	{ name: 'unit', displayName: 'Unit', placeholder: 'e.g. Flat 2' },
	{ name: 'house_name', displayName: 'House Name', placeholder: 'e.g. Rose Cottage' },
	{ name: 'house_number', displayName: 'House Number', placeholder: 'e.g. 12' },
	{ name: 'street_name', displayName: 'Street Name', placeholder: 'e.g. High Street' },
	{ name: 'second_street', displayName: 'Second Street', placeholder: 'e.g. Old Town' },
	{ name: 'district', displayName: 'District', placeholder: 'e.g. Leith' },
	{ name: 'city', displayName: 'City', placeholder: 'e.g. Edinburgh' },
	{ name: 'province', displayName: 'Province', placeholder: 'e.g. Midlothian' },
	{ name: 'postcode', displayName: 'Postcode', placeholder: 'e.g. EH6 6QU' },
] as const;

export const addressFields: INodeProperties[] = [
	{
		displayName: 'Country',
		name: 'country',
		type: 'options',
		options: countryOptions,
		default: 'GB',
		description:
			'Each country has its own required address fields (most often the postcode); Amiqus says which are missing',
	},
	{
		displayName: 'Address Fields',
		name: 'addressFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'The lines of the address. The address is replaced as a whole: lines left out are cleared.',
		options: ADDRESS_LINES.map((line) => ({
			displayName: line.displayName,
			name: line.name,
			type: 'string' as const,
			default: '',
			placeholder: line.placeholder,
		})),
	},
];
