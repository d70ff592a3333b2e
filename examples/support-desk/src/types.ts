export type Channel = 'email' | 'chat' | 'phone' | 'social';

export interface Customer {
  id: string;
  name: string;
  email: string;
  tier: 'standard' | 'plus' | 'pro';
  locale: string;
}

export interface TicketMessage {
  author: 'customer' | 'agent' | 'system';
  body: string;
  sentAt: string;
}

export interface Ticket {
  id: string;
  subject: string;
  channel: Channel;
  customer: Customer;
  messages: TicketMessage[];
  tags: string[];
  orderId?: string;
}

export interface Article {
  id: string;
  title: string;
  body: string;
  url: string;
}

export interface TriageResult {
  category: 'orders' | 'returns' | 'product' | 'account' | 'warranty' | 'other';
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  sentiment: 'positive' | 'neutral' | 'negative';
  needsHuman: boolean;
}
