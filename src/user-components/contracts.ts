/**
 * One contract per author component: the zod schema of its attributes (what an editor may write
 * in `<Name …>`) and an example. The component's Props, the MDX guard (`npm run check:content`
 * and the build) and the CMS read them, so a component and its checks cannot drift apart.
 *
 * Plain TypeScript with relative imports: the MDX guard runs in plain Node, which cannot load
 * .astro files. A unit test keeps these names equal to the components in index.ts.
 */
import { z } from 'astro/zod';

const text = (what: string, min = 2) =>
  z
    .string({ error: `${what} wajib diisi, dalam tanda kutip.` })
    .trim()
    .min(min, `${what} terlalu pendek: tulis paling sedikit ${min} huruf.`);

export const CALLOUT_TYPES = ['info', 'peringatan', 'bahaya'] as const;

export const CalloutAttributes = z.strictObject(
  {
    /** info (blue-grey), peringatan (amber warning) or bahaya (red: danger, e.g. illegal recruitment). */
    type: z
      .enum(CALLOUT_TYPES, {
        error: (issue) =>
          `jenis "${String(issue.input)}" tidak dikenal. Pilih salah satu: ${CALLOUT_TYPES.join(', ')}.`,
      })
      .default('info'),
    /** Optional heading shown in bold. */
    title: text('Judul kotak catatan').optional(),
  },
  { error: (issue) => unknownAttributes(issue) },
);

export const ChecklistAttributes = z.strictObject(
  {
    /** Heading of the checklist, e.g. "Dokumen yang harus dibawa". */
    title: text('Judul daftar periksa (title)'),
  },
  { error: (issue) => unknownAttributes(issue) },
);

export const SourceNoteAttributes = z.strictObject(
  {
    /** Who published the source, e.g. "BP2MI". */
    publisher: text('Penerbit sumber (publisher)'),
    /** Web address of the source (https://…). */
    url: z
      .string({ error: 'Alamat sumber (url) wajib diisi, dalam tanda kutip.' })
      .trim()
      .regex(/^https?:\/\//i, 'Alamat sumber (url) harus diawali https://'),
  },
  { error: (issue) => unknownAttributes(issue) },
);

export const StepsAttributes = z.strictObject({}, { error: (issue) => unknownAttributes(issue) });

function unknownAttributes(issue: { code?: string; keys?: string[] }): string | undefined {
  return issue.code === 'unrecognized_keys'
    ? `atribut ${(issue.keys ?? []).join(', ')} tidak dikenal komponen ini.`
    : undefined;
}

/** Every author component: its attributes and an example an editor can copy. */
export const USER_COMPONENT_CONTRACTS = {
  Callout: {
    attributes: CalloutAttributes,
    example: '<Callout type="peringatan" title="Jangan bayar di muka">\nIsi catatan.\n</Callout>',
  },
  Checklist: {
    attributes: ChecklistAttributes,
    example: '<Checklist title="Dokumen yang dibawa">\n\n- KTP\n- Paspor\n\n</Checklist>',
  },
  SourceNote: {
    attributes: SourceNoteAttributes,
    example: '<SourceNote publisher="BP2MI" url="https://bp2mi.go.id/" />',
  },
  Steps: {
    attributes: StepsAttributes,
    example: '<Steps>\n\n1. Langkah pertama\n2. Langkah kedua\n\n</Steps>',
  },
} as const;

export type UserComponentName = keyof typeof USER_COMPONENT_CONTRACTS;

export const USER_COMPONENT_NAMES = Object.keys(USER_COMPONENT_CONTRACTS) as UserComponentName[];

/** Problems with one use of a component, in plain Indonesian; empty when its attributes are fine. */
export function checkComponentAttributes(
  name: UserComponentName,
  attributes: Record<string, string | null>,
): string[] {
  const result = USER_COMPONENT_CONTRACTS[name].attributes.safeParse(attributes);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    return `<${name}>${field ? ` ${field}` : ''}: ${issue.message} Contoh: ${USER_COMPONENT_CONTRACTS[name].example.split('\n')[0]}`;
  });
}
