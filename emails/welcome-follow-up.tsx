import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { userRegisteredSamples } from "~/events/user-registered";
import { EmailLayout } from "./components/layout";
import { CallToAction, Paragraph } from "./components/parts";
import { colors, radius, space, text } from "./theme";
import { previewProps } from "./components/preview";
import { userEmailFromEvent } from "./components/user-email";
import type { UserEmailProps } from "./types";

export type WelcomeFollowUpEmailProps = UserEmailProps;

export const subject = ({ t, userName }: WelcomeFollowUpEmailProps) =>
  t("welcomeFollowUp.subject", { name: userName });
export const previewText = ({ t }: WelcomeFollowUpEmailProps) =>
  t("welcomeFollowUp.preview");
/** One line for people browsing templates (the studio). */
export const description =
  "24 hours after signup: how it is going, tips to get started, a way back to the dashboard.";

const tips = [
  "welcomeFollowUp.tip1",
  "welcomeFollowUp.tip2",
  "welcomeFollowUp.tip3",
] as const;

/** Sent 24 hours after signup: how it is going, a way back to the dashboard, tips to get started. */
export function WelcomeFollowUpEmail(props: WelcomeFollowUpEmailProps) {
  const { t, locale, userName, dashboardUrl } = props;
  return (
    <EmailLayout
      t={t}
      locale={locale}
      previewText={previewText(props)}
      heading={t("welcomeFollowUp.heading")}
      recipientName={userName}
    >
      <Paragraph>{t("welcomeFollowUp.intro")}</Paragraph>
      <Section style={styles.tips}>
        <Text style={styles.tipsTitle}>{t("welcomeFollowUp.tipsTitle")}</Text>
        {tips.map((key, index) => (
          <Text key={key} style={styles.tip}>
            {index + 1}. {t(key)}
          </Text>
        ))}
      </Section>
      <CallToAction
        href={dashboardUrl}
        label={t("welcomeFollowUp.cta")}
        linkHelp={t("common.linkHelp")}
      />
      <Paragraph>{t("welcomeFollowUp.closing")}</Paragraph>
    </EmailLayout>
  );
}

export const fromEvent = userEmailFromEvent;

WelcomeFollowUpEmail.PreviewProps = previewProps(
  fromEvent,
  userRegisteredSamples["new-user-es-long-name"],
  "es",
);

export default WelcomeFollowUpEmail;

const styles = {
  tips: {
    backgroundColor: colors.highlight,
    borderRadius: radius.box,
    padding: `${space[2]} ${space[5]}`,
    margin: `${space[2]} 0 ${space[4]}`,
  },
  tipsTitle: {
    color: colors.highlightHeading,
    ...text.boxTitle,
    margin: `${space[3]} 0 ${space[2]}`,
  },
  tip: { color: colors.text, ...text.list, margin: `0 0 ${space[2.5]}` },
} as const;
