import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

// The accessibility specs pass when axeViolations() finds nothing: this proves it finds what it should,
// in the page and not in the emails' frames, which the studio's own checks cover.
test('the axe helper reports serious violations of the page and leaves the frames out', async ({ page }) => {
  await page.setContent(
    `<html lang="en"><head><title>t</title></head><body><main>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <button></button>
      <iframe title="an email" srcdoc="<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><button></button>"></iframe>
    </main></body></html>`,
  )
  const found = await axeViolations(page, 'fixture')
  expect(found.map((v) => v.rule).sort()).toEqual(['button-name', 'image-alt'])
  expect(found.every((v) => v.page === 'fixture' && v.targets.every((t) => !t.includes('iframe')))).toBe(true)
  // A second run on the same page reuses the axe already there and finds the same.
  expect(await axeViolations(page, 'again')).toHaveLength(2)
})
