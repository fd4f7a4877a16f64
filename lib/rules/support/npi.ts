/**
 * NPI check digit (x12-837p-999-277ca §3.3): ten digits starting with 1 or 2, the last a Luhn
 * check digit over the prefix 80840 followed by the first nine digits (CMS "Requirements for
 * NPI check digit").
 */
export function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  const body = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Walking from the right, the rightmost digit and every other one are doubled.
    let digit = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === npi.charCodeAt(9) - 48;
}
