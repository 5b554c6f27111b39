/**
 * What a page route computes before it renders, once: its language, its translator, its
 * language-aware links and, for an entry's page, its alternates and link-preview card. Routes stay
 * thin: `const { locale, t, href } = pageRoute(Astro.props)` on a page that exists once per
 * language, `const route = await entryRoute('berita', Astro.props)` on an entry's page.
 */
import type { CollectionEntry } from 'astro:content';
import { COLLECTIONS, type CollectionDescriptor } from '~/model/collections.ts';
import { everyLanguage, type Alternates } from '~/model/languages.ts';
import type { EntryCollectionName } from '~/schemas/index.ts';
import { ogImagePath } from '~/platform/cards/og.ts';
import { entryAlternates, localeOf, published, slugOf } from '~/platform/content/content.ts';
import {
  DEFAULT_LOCALE,
  LOCALES,
  langParam,
  localePath,
  localeStaticPaths,
  withTranslator,
  type Locale,
  type LocaleProps,
} from './i18n.ts';

export { localeStaticPaths, type LocaleProps };

/** A page's props (from getStaticPaths) with its translator and language-aware links added. */
export function pageRoute<P extends LocaleProps>(props: P) {
  return {
    ...withTranslator(props),
    /** A site path in this page's language ("/panduan/" → "/en/panduan/"). */
    href: (path: string) => localePath(props.locale, path),
  };
}

/** What `localePaths` asks for each page of one language: its other params and props. */
interface LocalePath<P, Q> {
  params: P;
  props: Q;
  /** The page's key for Astro's incremental build, when it has one. */
  cacheKey?: string;
}

/**
 * getStaticPaths of a page that exists in every language, as often per language as `each` says
 * (pages of a list, parts of a booklet, states of a form): `each(locale)` gives the pages' other
 * params and props; the language param and the `locale` prop are added here.
 */
export async function localePaths<P extends Record<string, string | undefined>, Q extends object>(
  each: (locale: Locale) => readonly LocalePath<P, Q>[] | Promise<readonly LocalePath<P, Q>[]>,
) {
  const perLocale = await Promise.all(
    LOCALES.map(async (locale) =>
      (await each(locale)).map(({ params, props, ...rest }) => ({
        params: { lang: langParam(locale), ...params },
        props: { locale, ...props },
        ...rest,
      })),
    ),
  );
  return perLocale.flat();
}

/** Props of an entry's page (from `entryPaths`): the entry and the language it is shown in. */
export interface EntryProps<E extends { id: string }> extends LocaleProps {
  entry: E;
}

interface EntryPathOptions<E> {
  /** Instead of the collection's published entries (the courses add the example courses). */
  entries?: readonly E[];
  /** Each page's key for Astro's incremental build: what the page shows besides its code. */
  cacheKey?: (entry: E, locale: Locale) => string | Promise<string>;
}

/**
 * getStaticPaths of a collection's entry pages (`[...lang]/<route>/[slug]`): every published entry
 * in its own language or, for a collection written once (`translated: false`), in every language.
 */
export async function entryPaths<
  C extends EntryCollectionName,
  E extends { id: string } = CollectionEntry<C>,
>(collection: C, { entries, cacheKey }: EntryPathOptions<E> = {}) {
  const list = entries ?? ((await published(collection)) as unknown as E[]);
  const { translated }: CollectionDescriptor = COLLECTIONS[collection];
  const shownIn = (entry: E): readonly Locale[] =>
    translated === false ? LOCALES : [localeOf(entry)];
  return Promise.all(
    list.flatMap((entry) =>
      shownIn(entry).map(async (locale) => ({
        params: { lang: langParam(locale), slug: slugOf(entry) },
        props: { entry, locale } satisfies EntryProps<E>,
        ...(cacheKey && { cacheKey: await cacheKey(entry, locale) }),
      })),
    ),
  );
}

/**
 * The data of an entry's page: its language, translator, slug, path, the paths of the same page
 * in the other languages and its link-preview card (its own when the collection has a card
 * kicker, otherwise the section's card).
 */
export async function entryRoute<C extends EntryCollectionName, E extends { id: string }>(
  collection: C,
  { entry, locale }: EntryProps<E>,
) {
  const { routes, card, translated }: CollectionDescriptor = COLLECTIONS[collection];
  const slug = slugOf(entry);
  /** The section's path without the language prefix, e.g. "/berita/". */
  const base = `/${routes[0]}/`;
  const route = pageRoute({ locale });
  const path = route.href(`${base}${slug}/`);
  const alternates: Alternates =
    translated === false
      ? everyLanguage(`${base}${slug}/`)
      : await entryAlternates(collection, entry, base);
  return {
    ...route,
    entry,
    slug,
    /** The entry's page in this language, e.g. "/en/berita/x/". */
    path,
    /** The section's home in this language, e.g. "/en/berita/". */
    section: route.href(base),
    alternates,
    ogImage:
      card === undefined ? ogImagePath(route.href(base)) : entryCard(collection, slug, locale),
  };
}

/**
 * The link-preview card of an entry that has its own (`card` in src/model/collections.ts). A
 * collection written once (`translated: false`: the courses) is shown in its own language in every
 * language, and so is its card: one card per entry, drawn in the default language, instead of
 * one per language with the same title (src/pages/og/[...path].png.ts draws them).
 */
export function entryCard(collection: EntryCollectionName, slug: string, locale: Locale): string {
  const { routes, translated }: CollectionDescriptor = COLLECTIONS[collection];
  const cardLocale = translated === false ? DEFAULT_LOCALE : locale;
  return ogImagePath(localePath(cardLocale, `/${routes[0]}/${slug}/`));
}
