'use strict';
// result/ bodies, with exactly the field names of identomat.md §5.2 (samples from the Rust client's fixtures).
const technicalDetails = {
	remoteAddress: '127.0.0.1',
	userAgent: 'Mozilla/5.0 (sandbox)',
	countryCode: 'GE',
};
const none = { value: '', description: '' };

function person() {
	return {
		local_first_name: 'სპეციმენი',
		local_last_name: 'სპეციმენი',
		local_middle_name: '',
		first_name: 'SPECIMEN',
		last_name: 'SPECIMEN',
		birthday: '11/25/1979',
		birthday_time: '1979-11-25T00:00:00.000Z',
		age: 44,
		birth_place: '',
		citizenship: 'GEO',
		nationality: 'GEO',
		document_number: '001122333',
		document_issued: '1/10/2020',
		document_expires: '1/10/2030',
		document_expires_time: '2030-01-10T00:00:00.000Z',
		personal_number: '11223344555',
		authority: 'MIA',
		issuing_state: 'GEO',
		sex: 'F',
		address: '',
		email: '',
		phone: '',
		status: '',
		mrz: '',
	};
}

const card = {
	Given_Names_en_US: 'SPECIMEN',
	Surname_en_US: 'SPECIMEN',
	Document_Number_en_US: '001122333',
	Date_of_Birth_en_US: '11/25/1979',
	Date_of_Birth_ISO: '1979-11-25T00:00:00.000Z',
	Date_of_Expiry_ISO: '2030-01-10T00:00:00.000Z',
};

function result(outcome, session, config) {
	const base = {
		result: 'approved',
		similarity: 0.9027283530404249,
		live: true,
		document_type: 'id',
		generalDocuments: [],
		reject_reason: { ...none },
		result_comment: 'done',
		name: 'SPECIMEN SPECIMEN',
		face_images: 1,
		id_card_front: { ...card },
		id_card_back: { ...card, mrz: 'IOGEO0011223336057813XXXXX<<<<' },
		suggested: {},
		person: person(),
		technicalDetails,
	};
	if (session.configId) base.configId = session.configId;
	const questionnaires = (session.steps || [])
		.filter((s) => /questionnaire$/.test(s.type))
		.map((s) => ({
			key: s.key,
			questions: (s.questions || []).map((q) => ({
				key: q.key,
				answer:
					q.answer ??
					(q.type === 'multiple-choice'
						? []
						: q.type === 'options'
							? q.options[0].key
							: 'sandbox answer'),
			})),
		}));
	if (questionnaires.length) base.questionnaires = questionnaires;
	switch (outcome) {
		case 'approved':
			return base;
		case 'rejected':
			return {
				...base,
				result: 'rejected',
				similarity: 0.6550394743680953,
				reject_reason: { value: 'face_mismatch', description: '' },
				result_comment: '3123',
				person: { ...base.person, status: 'FIELDS_MISMATCH' },
			};
		case 'proofOfAddress':
			return {
				result: 'approved',
				similarity: 0,
				live: false,
				document_type: '',
				generalDocuments: [
					{
						pages: [
							{
								typeId: 'utility-bill',
								pageNumber: 1,
								final: {
									documentIssued: '2024-01-25T22:00:00.000Z',
									formattedAddress: 'Fill address 39',
									issuingAuthority: 'Fill organisation A',
									documentExpires: '',
									fullName: 'test user',
								},
								documentPages: [{ pageNumber: 1 }],
								statuses: [],
							},
						],
						documentType: 'UTILITY_BILL',
						typeId: 'utility_bill',
						permanent: false,
					},
				],
				reject_reason: { ...none },
				result_comment: 'done',
				name: '',
				face_images: 0,
				suggested: {},
				person: {},
				technicalDetails,
			};
		case 'manualCheck':
			return { ...base, result: config.resultStrings.manualCheck, result_comment: '' };
		default: // in progress: nothing decided yet
			return {
				result: config.resultStrings.inProgress,
				similarity: 0,
				live: false,
				document_type: '',
				generalDocuments: [],
				reject_reason: { ...none },
				result_comment: '',
				name: '',
				face_images: 0,
				suggested: {},
				person: {},
				technicalDetails,
			};
	}
}

// Which media a finished session has, by outcome.
function media(outcome) {
	if (!outcome || outcome === 'inProgress') return [];
	if (outcome === 'proofOfAddress') return [];
	return ['card-front', 'card-back', 'face', 'face-video'];
}

// A tiny valid JPEG and a WebM header, so downloads carry real bytes.
const JPEG = Buffer.from(
	'ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
	'hex',
);
const WEBM = Buffer.from(
	'1a45dfa3a34286810142f7810142f2810442f381084282847765626d42878104428581021853806701000000000000',
	'hex',
);

module.exports = { result, media, JPEG, WEBM };
