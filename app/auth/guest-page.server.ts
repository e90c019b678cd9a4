import { redirect, type RouterContextProvider } from 'react-router'
import { getInstance } from '~/i18n/i18next.server'
import type { UiKey } from '~/i18n/keys'
import { getUserId } from './session.server'

/**
 * The loader of a page for visitors who are not signed in (signup, login): someone signed in goes to
 * the dashboard; anyone else gets the page's title in their language.
 */
export function guestPageLoader(titleKey: UiKey) {
  return async ({ request, context }: { request: Request; context: Readonly<RouterContextProvider> }) => {
    if (await getUserId(request)) throw redirect('/dashboard')
    return { title: getInstance(context).t(titleKey) }
  }
}
