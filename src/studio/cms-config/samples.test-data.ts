/**
 * Realistic configs of a foundation site that moves to the studio: the same site described
 * once for CloudCannon and once for Decap/Sveltia (image fields `headshot` and member `logo`
 * with their own upload folders, data-only editing of board, staff and members).
 */

export const CLOUDCANNON_CONFIG = `# CloudCannon: the foundation site's editing setup
paths:
  uploads: img/uploads
  static: ""

_select_data:
  tiers:
    - platinum
    - gold
    - silver
    - associate

# The rich-text toolbar communications staff use for news posts.
_editables:
  content:
    bold: true
    italic: true
    underline: true
    link: true
    bulletedlist: true
    numberedlist: true
    table: true
    image: true
    embed: true
    format: p h2 h3

_enabled_editors:
  - content
  - visual

_inputs:
  headshot:
    type: image
    label: Headshot
    comment: Square, at least 400 × 400 pixels.
    options:
      uploads_dir: img/people
  logo:
    type: image
    label: Logo
    options:
      uploads_dir: /img/members
  level:
    type: select
    label: Membership tier
    options:
      values: _select_data.tiers
  date:
    type: datetime
    label: Publication date
  draft:
    type: switch
  "*_url":
    type: url

collections_config:
  news:
    path: news
    name: News
    _inputs:
      image:
        type: image
        label: Header image
        options:
          uploads_dir: "img/[collection]/{date|year}"
      description:
        type: textarea
  board:
    path: people/board
    name: Board of Directors
    _enabled_editors:
      - data
  staff:
    path: people/staff
    name: Staff
    _enabled_editors: [data]
  members:
    path: members
    name: Member organisations
    _enabled_editors: [data]
    _inputs:
      url:
        type: url
        label: Website
  navigation:
    path: _data/navigation.json
    name: Navigation
`;

export const DECAP_CONFIG = `backend:
  name: git-gateway
  branch: main
publish_mode: editorial_workflow
media_folder: img/uploads
public_folder: /img/uploads

collections:
  - name: news
    label: News
    folder: news
    create: true
    slug: "{{year}}-{{month}}-{{day}}-{{slug}}"
    fields:
      - { label: Title, name: title, widget: string }
      - { label: Byline, name: byline, widget: string, required: false }
      - { label: Description, name: description, widget: text }
      - { label: Date, name: date, widget: datetime }
      - { label: Tags, name: tags, widget: list, default: [announcement] }
      - { label: Layout, name: layout, widget: hidden, default: layouts/news.njk }
      - { label: Draft, name: draft, widget: boolean, default: true }
      - { label: Header image, name: image, widget: image, required: false, media_folder: /img/news }
      - label: Body
        name: body
        widget: markdown
        buttons: [bold, italic, link, heading-two, heading-three, quote, bulleted-list, numbered-list]
        editor_components: [image, code-block]
  - name: board
    label: Board of Directors
    folder: people/board
    create: true
    fields:
      - { label: Name, name: name, widget: string }
      - { label: Role, name: role, widget: select, options: [Chair, Treasurer, Secretary, Director] }
      - { label: Headshot, name: headshot, widget: image, media_folder: /img/people }
  - name: members
    label: Member organisations
    folder: members
    media_folder: /img/members
    fields:
      - { label: Name, name: name, widget: string }
      - label: Tier
        name: level
        widget: select
        options:
          - { label: Platinum, value: platinum }
          - { label: Gold, value: gold }
          - { label: Silver, value: silver }
          - { label: Associate, value: associate }
      - { label: Logo, name: logo, widget: image, media_folder: /img/members }
      - { label: Website, name: url, widget: string }
      - { label: Founding member, name: founder, widget: boolean, default: false }
      - { label: Joined, name: joined, widget: datetime, time_format: false, date_format: YYYY-MM-DD }
      - { label: Status, name: status, widget: select, options: [active, pending, suspended, lapsed] }
  - name: data
    label: Site data
    files:
      - label: Staff
        name: staff
        file: _data/staff.yml
        fields:
          - label: People
            name: people
            widget: list
            fields:
              - { label: Name, name: name, widget: string }
              - { label: Headshot, name: headshot, widget: image, media_folder: /img/staff }
      - label: Settings
        name: site
        file: _data/site.json
        fields:
          - { label: Site name, name: name, widget: string }
          - { label: Address, name: url, widget: string }
`;
