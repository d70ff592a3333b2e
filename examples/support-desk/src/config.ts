export const COMPANY_NAME = 'Larkspur Outfitters';
export const SUPPORT_EMAIL = 'help@larkspur-outfitters.example';

export const TRIAGE_MODEL = 'gpt-4o-mini';
export const EMBEDDING_MODEL = 'text-embedding-3-small';

export const REPORT_REGION = process.env.AWS_REGION ?? 'us-east-1';
export const REPORT_TIMEZONE = 'America/Denver';
