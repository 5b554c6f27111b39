/** Phone numbers as links and as text that does not break across lines. */

export const telUrl = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** Digits only, with the country code: 0812… becomes 62812…, +44 7700… becomes 447700…. */
export const internationalDigits = (phone: string) =>
  phone.replace(/[^0-9]/g, '').replace(/^0/, '62');

/** wa.me wants the number with its country code, digits only; `text` is typed into the chat. */
export const whatsappUrl = (phone: string, text?: string) =>
  `https://wa.me/${internationalDigits(phone)}${text ? `?text=${encodeURIComponent(text)}` : ''}`;

/** `sms:+<number>?body=…` (RFC 5724): a text message with its body already written. */
export const smsUrl = (phone: string, text: string) =>
  `sms:+${internationalDigits(phone)}?body=${encodeURIComponent(text)}`;

/** Keeps a number on one line: a break inside it is easy to misread or mistype. */
export const unbroken = (phone: string) => phone.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');
