/** Phone numbers as links and as text that does not break across lines. */

export const telUrl = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** wa.me wants the number with its country code and digits only: 0812… becomes 62812…. */
export const whatsappUrl = (phone: string) =>
  `https://wa.me/${phone.replace(/[^0-9]/g, '').replace(/^0/, '62')}`;

/** Keeps a number on one line: a break inside it is easy to misread or mistype. */
export const unbroken = (phone: string) => phone.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');
