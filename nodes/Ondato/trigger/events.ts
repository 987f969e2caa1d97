/** Every event type of Ondato's webhook docs (ondato.md §7.4), by group. */
export const ONDATO_EVENT_OPTIONS: Array<{ name: string; value: string; description: string }> = [
	{
		name: 'Document Signing Signed',
		value: 'Identification.DocumentSigning.Signed',
		description: 'A document was signed',
	},
	{ name: 'Form Completed', value: 'Form.Completed', description: 'A form step was completed' },
	{ name: 'Form Created', value: 'Form.Created', description: 'A form step started' },
	{ name: 'Form Updated', value: 'Form.Updated', description: 'A form was updated' },
	{
		name: 'Identity Verification Consented',
		value: 'IdentityVerification.Consented',
		description: 'The person accepted the consent screen (older docs: Idv.Consented)',
	},
	{
		name: 'Identity Verification Status Changed',
		value: 'IdentityVerification.StatusChanged',
		description: 'The session status changed, e.g. to Completed (older docs: Idv.StatusChanged)',
	},
	{
		name: 'KYB Document Created',
		value: 'KybIdentification.Document.Created',
		description: 'A KYB document was created',
	},
	{
		name: 'KYB Document Deleted',
		value: 'KybIdentification.Document.Deleted',
		description: 'A KYB document was deleted',
	},
	{
		name: 'KYB Document Updated',
		value: 'KybIdentification.Document.Updated',
		description: 'A KYB document was updated',
	},
	{
		name: 'KYB Document Uploaded',
		value: 'KybIdentification.Document.Uploaded',
		description: 'A KYB document was uploaded',
	},
	{
		name: 'KYB Identification Approved',
		value: 'KybIdentification.Approved',
		description: 'A KYB identification was approved',
	},
	{
		name: 'KYB Identification Created',
		value: 'KybIdentification.Created',
		description: 'A KYB identification started',
	},
	{
		name: 'KYB Identification Rejected',
		value: 'KybIdentification.Rejected',
		description: 'A KYB identification was rejected',
	},
	{
		name: 'KYC Identification Approved',
		value: 'KycIdentification.Approved',
		description: 'Approved automatically or by a reviewer',
	},
	{
		name: 'KYC Identification Created',
		value: 'KycIdentification.Created',
		description: 'The KYC step started',
	},
	{
		name: 'KYC Identification Processed',
		value: 'KycIdentification.Processed',
		description: 'The person completed the KYC step',
	},
	{
		name: 'KYC Identification Rejected',
		value: 'KycIdentification.Rejected',
		description: 'The KYC identification was rejected',
	},
	{
		name: 'KYC Identification Updated',
		value: 'KycIdentification.Updated',
		description: 'Data was edited in the Ondato portal',
	},
];
