/**
 * Honest English look-alikes, written by us. Each one carries words a scam kit also uses
 * (virus, blocked, call, support, a phone number, a brand) in an honest setting.
 */
import type { HonestPage } from './honest-html.js';

export const HONEST_PAGES_EN: readonly HonestPage[] = [
  {
    id: 'h-en-vendor-scam-article', language: 'en', layout: 'article', site: 'Microsoft Support',
    title: 'Protect yourself from tech support scams - Microsoft Support',
    heading: 'Protect yourself from tech support scams',
    body: [
      'Tech support scams try to frighten you into calling a phone number. A web page may go full screen, play an alarm and say "Your computer has been blocked" or "Windows Defender Security Warning: call Microsoft Support now".',
      'Microsoft does not put phone numbers in error or warning messages, and never calls you out of the blue to fix your computer.',
      '- Do not call the number on the pop-up.',
      '- Close the browser. If it will not close, press Ctrl+Shift+Esc and end the browser in Task Manager.',
      '- Never let a stranger connect to your computer with remote access software.',
      'If you already paid, call your bank using the number on the back of your card.',
    ],
  },
  {
    id: 'h-en-apple-scam-article', language: 'en', layout: 'article', site: 'Apple Support',
    title: 'Recognize and avoid social engineering schemes - Apple Support',
    heading: 'Recognize and avoid social engineering schemes, including phishing messages, phony support calls and other scams',
    body: [
      'Scammers may show a fake "Apple Security Alert" or "Your iPhone has been compromised" message in Safari with a toll-free number to call Apple Support.',
      'Apple does not show pop-ups that ask you to call a phone number about a virus. If you see one, close the tab. Do not call the number and do not install any profile or app.',
      'To contact Apple, use the Apple Support app or go to support.apple.com.',
    ],
  },
  {
    id: 'h-en-police-psa', language: 'en', layout: 'article', site: 'Internet Crime Complaint Center',
    title: 'Public Service Announcement: Tech Support Fraud Targets Older Adults',
    heading: 'Tech support fraud: criminals pose as Microsoft, Apple and security companies',
    body: [
      'The FBI warns the public of tech support fraud. Victims see a pop-up that claims the computer is infected with a virus and displays a number for "technical support". The criminal then asks for remote access and payment in gift cards or wire transfers.',
      'Legitimate customer, security or tech support companies will not initiate unsolicited contact with individuals.',
      'If you are a victim, report it at ic3.gov and contact your financial institution immediately.',
    ],
  },
  {
    id: 'h-en-bank-warning', language: 'en', layout: 'article', site: 'Northfield Bank',
    title: 'Fraud alert: fake virus warnings and remote access | Northfield Bank',
    heading: 'We will never ask you to install remote access software',
    body: [
      'Some customers have seen a full-screen message saying their computer is locked because of a virus, with a number to call. The person who answers then asks them to log in to online banking.',
      'If this happens, turn the computer off and call us on 0800 555 0199 (24 hours a day), the number printed on the back of your card.',
      'Never share a one-time passcode, even with someone who says they are from our fraud team.',
    ],
  },
  {
    id: 'h-en-norton-renewal', language: 'en', layout: 'article', site: 'Norton',
    title: 'Norton 360 Deluxe - Antivirus, VPN and Identity Protection',
    heading: 'Norton 360 Deluxe: protection for up to 5 devices',
    body: [
      'Real-time threat protection against viruses, ransomware, malware and spyware. Secure VPN and password manager included.',
      'Your subscription renews automatically. You can turn off automatic renewal in your Norton account at any time.',
      'Questions before you buy? Call our sales team on 1-844-555-0123, Monday to Friday.',
    ],
  },
  {
    id: 'h-en-mcafee-account', language: 'en', layout: 'article', site: 'McAfee My Account',
    title: 'My Account - McAfee',
    heading: 'Your subscriptions',
    body: [
      'McAfee Total Protection - 5 devices. Expires on 12 March. Auto-renewal is on.',
      'Beware of fake McAfee emails and pop-ups that say your subscription has expired and your PC is infected with 5 viruses. We never ask you to call a number from a pop-up.',
      'Manage devices · Download · Billing history',
    ],
  },
  {
    id: 'h-en-defender-docs', language: 'en', layout: 'article', site: 'Microsoft Learn',
    title: 'Virus and threat protection in the Windows Security app',
    heading: 'Virus and threat protection in the Windows Security app',
    body: [
      'Microsoft Defender Antivirus scans your device for viruses, malware and other threats. When it finds a threat, Windows Security shows a notification and moves the file to quarantine.',
      'Quick scan checks the folders where threats are commonly found. Full scan checks every file and running program and can take more than an hour.',
      'Protection history lists the actions Microsoft Defender Antivirus has taken on your behalf.',
    ],
  },
  {
    id: 'h-en-news-seniors', language: 'en', layout: 'article', site: 'The Evening Courier',
    title: 'Retired teacher loses $9,000 to fake Microsoft virus alert - The Evening Courier',
    heading: 'Retired teacher loses $9,000 to fake Microsoft virus alert',
    body: [
      'It started with a screen she could not close. "Your computer has been blocked. Error # 268D3. Call Microsoft Support immediately," it read, while a voice repeated the warning.',
      'She called the number. A man said hackers had reached her bank account and asked her to install a program so he could "clean" the computer.',
      'Police say the warning was an ordinary web page. "Turn the computer off and call someone you trust," a detective said.',
    ],
  },
  {
    id: 'h-en-wiki-scam', language: 'en', layout: 'article', site: 'Wikipedia',
    title: 'Technical support scam - Wikipedia',
    heading: 'Technical support scam',
    body: [
      'A technical support scam is a telephone fraud in which a scammer claims to offer a legitimate technical support service. Victims are often reached through fake pop-up warnings that claim the computer has a virus and show a toll-free number.',
      'Scam pages imitate Windows Defender, Apple or antivirus brands, play alarm sounds, go full screen and try to block the keyboard.',
      'The caller asks for remote access with tools such as AnyDesk or TeamViewer and then demands payment.',
    ],
  },
  {
    id: 'h-en-slides-training', language: 'en', layout: 'slides',
    title: 'Security awareness training - slide 4 of 12',
    heading: 'Spot the fake: virus pop-ups',
    body: [
      'Example: "WARNING! Your PC is infected with Trojan. Call +1-800-555-0100 now."',
      '- Real security software never asks you to phone a number',
      '- Alarm sounds and a locked screen are scare tactics',
      '- Close the browser, then tell the IT service desk',
    ],
  },
  {
    id: 'h-en-video-webinar', language: 'en', layout: 'video',
    title: 'Webinar replay: staying safe from scam calls and pop-ups',
    heading: 'Webinar replay: staying safe from scam calls and pop-ups (48:12)',
    body: ['Presented by the Community Library digital skills team. Captions available.'],
  },
  {
    id: 'h-en-game-virus', language: 'en', layout: 'game',
    title: 'Virus Busters - Level 3',
    heading: 'VIRUS BUSTERS - Level 3 - Score 12,400',
    body: ['Destroy the viruses before they reach the core! Lives: 3. Press Space to fire, P to pause.'],
  },
  {
    id: 'h-en-error-connection', language: 'en', layout: 'error',
    title: 'This site can’t be reached',
    heading: 'This site can’t be reached',
    body: ['support-center.example refused to connect.', 'Try: checking the connection, checking the proxy and the firewall.', 'ERR_CONNECTION_REFUSED'],
  },
  {
    id: 'h-en-error-certificate', language: 'en', layout: 'error',
    title: 'Privacy error',
    heading: 'Your connection is not private',
    body: [
      'Attackers might be trying to steal your information from secure-login.example (for example, passwords, messages, or credit cards).',
      'NET::ERR_CERT_DATE_INVALID',
      'Back to safety',
    ],
  },
  {
    id: 'h-en-error-dangerous', language: 'en', layout: 'error',
    title: 'Security error',
    heading: 'Dangerous site',
    body: [
      'Attackers on the site you tried visiting might trick you into installing software or revealing things like your passwords, phone number, or credit cards.',
      'Chrome strongly recommends going back to safety.',
    ],
  },
  {
    id: 'h-en-bsod-help', language: 'en', layout: 'article', site: 'Microsoft Support',
    title: 'Troubleshoot blue screen errors - Microsoft Support',
    heading: 'Troubleshoot blue screen errors',
    body: [
      'A blue screen error (also called a stop error) can occur if a problem causes your device to shut down or restart unexpectedly. You might see "Your PC ran into a problem and needs to restart" with a stop code such as CRITICAL_PROCESS_DIED.',
      'A real blue screen never shows a phone number to call. Remove new hardware, update drivers, and run Windows Update.',
    ],
  },
  {
    id: 'h-en-isp-contact', language: 'en', layout: 'article', site: 'Riverline Broadband',
    title: 'Contact technical support | Riverline Broadband',
    heading: 'Technical support',
    body: [
      'Having trouble with your internet connection, email or router? Call technical support on 0330 555 0170, 8am to 10pm, every day.',
      'We will never call you to say your computer has a virus, and we will never ask you to buy gift cards.',
    ],
  },
  {
    id: 'h-en-it-helpdesk', language: 'en', layout: 'article', site: 'Contoso IT Service Desk',
    title: 'IT Service Desk - Contoso Intranet',
    heading: 'Seen a virus warning? Call the service desk',
    body: [
      'If your screen shows a virus warning or a message that your computer is locked, do not click anything in it. Call the IT Service Desk on extension 4444 or +1 425 555 0144.',
      'Our security software is Microsoft Defender; its alerts appear in the corner of the screen, never in the browser.',
    ],
  },
  {
    id: 'h-en-library-class', language: 'en', layout: 'kiosk',
    title: 'Computer Club for Seniors',
    heading: 'Tuesday class: what to do when a scary warning appears',
    body: [
      'Today we practise closing a fake "Your computer is infected" page without calling the number on it.',
      'Bring your laptop. Tea and biscuits from 10:00. Questions? Call the library on 01632 960123.',
    ],
  },
  {
    id: 'h-en-soc-dashboard', language: 'en', layout: 'dashboard', site: 'Sentinel Console',
    title: 'Security operations - Incidents',
    heading: 'Incidents (last 24 hours)',
    body: ['- High: Trojan:Win32/Wacatac detected on LAPTOP-17 (quarantined)', '- Medium: Suspicious PowerShell on SRV-DB02', '- Low: Potentially unwanted app blocked on DESK-04', 'Analyst on call: +1 206 555 0198'],
  },
  {
    id: 'h-en-weather-alert', language: 'en', layout: 'kiosk',
    title: 'Emergency alert',
    heading: 'Severe thunderstorm warning until 9:45 PM',
    body: ['Move indoors and stay away from windows. If you are in danger, call 911.'],
  },
  {
    id: 'h-en-museum-kiosk', language: 'en', layout: 'kiosk',
    title: 'Gallery 3 - Computer viruses',
    heading: 'ILOVEYOU: the virus that emailed the world (2000)',
    body: ['In May 2000 a love letter attachment infected ten million Windows computers in ten days. Touch the screen to see how it spread.'],
  },
];
