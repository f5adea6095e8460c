/**
 * The BenchHub paper's subject names (its hierarchy with one-line descriptions) mapped to canonical names.
 * The paper writes "Technology", "Mathematics", "Programming"; BenchHub Plus writes "Tech.", "Science/Math",
 * "Tech./Coding". Every paper name, coarse and fine, has an explicit entry here.
 *
 * Data module, written once from the paper's hierarchy; edit by hand.
 */
import type { CoarseSubject } from './categories.js';

/** One fine subject of the paper: its name there, its canonical name, and the paper's description. */
export interface PaperFineSubject {
  /** The paper's name, e.g. `Mathematics`. */
  readonly paperName: string;
  /** The canonical name, e.g. `Science/Math`. */
  readonly canonical: string;
  /** The paper's one-line description. */
  readonly description: string;
}

/** One coarse subject of the paper with its fine subjects. */
export interface PaperCoarseSubject {
  /** The paper's name, e.g. `Technology`. */
  readonly paperName: string;
  /** The canonical coarse name, e.g. `Tech.`. */
  readonly canonical: CoarseSubject;
  readonly fine: readonly PaperFineSubject[];
}

/** The paper's hierarchy, each name mapped to its canonical name. */
export const PAPER_SUBJECTS: readonly PaperCoarseSubject[] = [
  {
    paperName: 'Science',
    canonical: 'Science',
    fine: [
      {
        paperName: 'Mathematics',
        canonical: 'Science/Math',
        description: 'The study of numbers, quantities, structures, and abstract reasoning.',
      },
      {
        paperName: 'Statistics',
        canonical: 'Science/Statistics',
        description: 'The science of data collection, analysis, interpretation, and presentation.',
      },
      {
        paperName: 'Physics',
        canonical: 'Science/Physics',
        description: 'The study of matter, energy, and the fundamental forces of nature.',
      },
      {
        paperName: 'Astronomy',
        canonical: 'Science/Astronomy',
        description: 'The scientific study of celestial objects and phenomena beyond Earth.',
      },
      {
        paperName: 'Chemistry',
        canonical: 'Science/Chemistry',
        description: 'The study of substances, their properties, and how they interact and change.',
      },
      {
        paperName: 'Biology',
        canonical: 'Science/Biology',
        description: 'The study of living organisms and their vital processes.',
      },
      {
        paperName: 'Earth science',
        canonical: 'Science/Earth Science',
        description: "The study of Earth's physical constitution, processes, and systems.",
      },
      {
        paperName: 'Geology',
        canonical: 'Science/Geology',
        description: "The science of Earth's physical structure, materials, and geological history.",
      },
      {
        paperName: 'Atmospheric science',
        canonical: 'Science/Atmospheric Science',
        description: "The study of the Earth's atmosphere, including weather, climate, and air dynamics.",
      },
      {
        paperName: 'Life science',
        canonical: 'Science/Life Science',
        description:
          'A broad field encompassing all sciences related to living organisms and life processes.',
      },
    ],
  },
  {
    paperName: 'Technology',
    canonical: 'Tech.',
    fine: [
      {
        paperName: 'Mechanics',
        canonical: 'Tech./Mechanics',
        description: 'The study and application of forces and motion in physical systems.',
      },
      {
        paperName: 'Materials eng.',
        canonical: 'Tech./Materials Eng.',
        description: 'The science and engineering of the properties and uses of materials.',
      },
      {
        paperName: 'Chemical eng.',
        canonical: 'Tech./Chemical Eng.',
        description:
          'The use of chemistry, physics, and engineering principles to design processes for large-scale chemical production.',
      },
      {
        paperName: 'Electrical eng.',
        canonical: 'Tech./Electrical Eng.',
        description: 'The study and application of electricity, electronics, and electromagnetism.',
      },
      {
        paperName: 'IT',
        canonical: 'Tech./IT',
        description:
          'The development, maintenance, and use of computer systems and networks for processing and distributing data.',
      },
      {
        paperName: 'Energy eng.',
        canonical: 'Tech./Energy',
        description: 'The study and technology of producing, converting, and managing energy resources.',
      },
      {
        paperName: 'Nuclear eng.',
        canonical: 'Tech./Nuclear Eng.',
        description: 'Engineering principles applied to nuclear power and radiation systems.',
      },
      {
        paperName: 'Civil eng.',
        canonical: 'Tech./Civil Eng.',
        description: 'Design and construction of infrastructure like buildings, roads, and bridges.',
      },
      {
        paperName: 'Urban eng.',
        canonical: 'Tech./Urban Eng.',
        description: 'Engineering focused on city planning, urban infrastructure, and systems.',
      },
      {
        paperName: 'AI',
        canonical: 'Tech./AI',
        description: 'Artificial intelligence and machine learning systems and research.',
      },
      {
        paperName: 'Programming',
        canonical: 'Tech./Coding',
        description: 'Computer programming and software development practices.',
      },
      {
        paperName: 'Environmental eng.',
        canonical: 'Tech./Environmental Eng.',
        description: 'Application of engineering principles to environmental protection and sustainability.',
      },
      {
        paperName: 'Aerospace eng.',
        canonical: 'Tech./Aerospace Eng.',
        description: 'Engineering of aircraft, spacecraft, and related systems.',
      },
      {
        paperName: 'Marine eng.',
        canonical: 'Tech./Marine Eng.',
        description: 'Engineering of ships, submarines, and marine technology.',
      },
      {
        paperName: 'Agricultural eng.',
        canonical: 'Tech./Agricultural Eng.',
        description: 'Science and technology applied to crop and livestock production.',
      },
      {
        paperName: 'Biomedical eng.',
        canonical: 'Tech./Biomedical Eng.',
        description: 'Applied sciences in medicine, healthcare, and biomedical technologies.',
      },
    ],
  },
  {
    paperName: 'Humanities and Social Science (HASS)',
    canonical: 'HASS',
    fine: [
      {
        paperName: 'Literature',
        canonical: 'HASS/Literature',
        description: 'The study and interpretation of written, oral, and textual works.',
      },
      {
        paperName: 'Language',
        canonical: 'HASS/Language',
        description: 'The study of human language, linguistics, and communication.',
      },
      {
        paperName: 'Philosophy',
        canonical: 'HASS/Philosophy',
        description: 'The exploration of knowledge, ethics, existence, and reasoning.',
      },
      {
        paperName: 'Religion',
        canonical: 'HASS/Religion',
        description: 'The study of spiritual beliefs, practices, and religious systems.',
      },
      {
        paperName: 'Cognitive studies',
        canonical: 'HASS/Cognitive Studies',
        description:
          'The study of how individuals perceive, interpret, and respond to information and interactions.',
      },
      {
        paperName: 'Psychology',
        canonical: 'HASS/Psychology',
        description: 'The scientific study of human mind, behavior, and mental processes.',
      },
      {
        paperName: 'History',
        canonical: 'HASS/History',
        description: 'The study of past events, civilizations, and historical change.',
      },
      {
        paperName: 'Geography',
        canonical: 'HASS/Geography',
        description: 'The study of physical and human features of the Earth\u2019s surface.',
      },
      {
        paperName: 'Politics',
        canonical: 'HASS/Politics',
        description: 'The study of power, governance, political systems, and public policies.',
      },
      {
        paperName: 'Economics',
        canonical: 'HASS/Economics',
        description: 'The analysis of production, consumption, and distribution of goods and services.',
      },
      {
        paperName: 'Law',
        canonical: 'HASS/Law',
        description: 'The system of rules, rights, and justice within societies.',
      },
      {
        paperName: 'Administration',
        canonical: 'HASS/Administration',
        description:
          'The organization and implementation of policies in governmental and institutional systems.',
      },
      {
        paperName: 'Welfare',
        canonical: 'HASS/Welfare',
        description: 'Systems, programs, and policies aimed at improving public well-being and equity.',
      },
      {
        paperName: 'Education',
        canonical: 'HASS/Education',
        description: 'The study and practice of teaching, learning, and knowledge systems.',
      },
      {
        paperName: 'Trade',
        canonical: 'HASS/Trade',
        description: 'The exchange of goods and services and the systems governing commerce.',
      },
      {
        paperName: 'Media',
        canonical: 'HASS/Media',
        description: 'The study of communication, journalism, and information dissemination.',
      },
    ],
  },
  {
    paperName: 'Arts and Sports',
    canonical: 'Art & Sports',
    fine: [
      {
        paperName: 'Architecture',
        canonical: 'Art & Sports/Architecture',
        description: 'The art and science of designing buildings and physical structures.',
      },
      {
        paperName: 'Sculpture',
        canonical: 'Art & Sports/Sculpture',
        description: 'The creation of three-dimensional artistic forms using various materials.',
      },
      {
        paperName: 'Painting',
        canonical: 'Art & Sports/Painting',
        description: 'Artistic expression through visual imagery using paint and other media.',
      },
      {
        paperName: 'Music',
        canonical: 'Art & Sports/Music',
        description: 'The art of sound arrangement in melody, harmony, and rhythm.',
      },
      {
        paperName: 'Performing',
        canonical: 'Art & Sports/Performing',
        description: 'Live artistic performances including theater, dance, music, and acting.',
      },
      {
        paperName: 'Sports',
        canonical: 'Art & Sports/Sports',
        description: 'Physical activities and competitive games for exercise and entertainment.',
      },
      {
        paperName: 'Photography',
        canonical: 'Art & Sports/Photography',
        description: 'The artistic and technical creation of images using cameras.',
      },
      {
        paperName: 'Festivals',
        canonical: 'Art & Sports/Festivals',
        description: 'Cultural and celebratory events often including art, food, and tradition.',
      },
      {
        paperName: 'Fashion',
        canonical: 'Art & Sports/Fashion',
        description: 'The design and aesthetics of clothing, style, and wearable art.',
      },
    ],
  },
  {
    paperName: 'Culture',
    canonical: 'Culture',
    fine: [
      {
        paperName: 'Tradition',
        canonical: 'Culture/Tradition',
        description: 'Inherited customs, rituals, and beliefs passed across generations.',
      },
      {
        paperName: 'Family',
        canonical: 'Culture/Family',
        description: 'The social unit of individuals connected by kinship or domestic relationships.',
      },
      {
        paperName: 'Holiday',
        canonical: 'Culture/Holiday',
        description: 'Social events and public holidays marking special occasions.',
      },
      {
        paperName: 'Work life',
        canonical: 'Culture/Work Life',
        description: 'Cultural norms and practices surrounding work, employment, and work-life balance.',
      },
      {
        paperName: 'Food',
        canonical: 'Culture/Food',
        description: 'Cultural practices, preparation, and significance of cuisine.',
      },
      {
        paperName: 'Clothing',
        canonical: 'Culture/Clothing',
        description: 'Attire and fashion as expressions of identity and culture.',
      },
      {
        paperName: 'Housing',
        canonical: 'Culture/Housing',
        description: 'Living environments and domestic architecture shaped by culture.',
      },
      {
        paperName: 'Daily life',
        canonical: 'Culture/Daily Life',
        description: 'Everyday routines, behaviors, and practices in social life.',
      },
      {
        paperName: 'Leisure',
        canonical: 'Culture/Leisure',
        description: 'Recreational activities, hobbies, and non-work-related pastimes.',
      },
    ],
  },
  {
    paperName: 'Social intelligence',
    canonical: 'Social Intelligence',
    fine: [
      {
        paperName: 'Commonsense',
        canonical: 'Social Intelligence/Commonsense',
        description: 'General world knowledge that people rely on in everyday life.',
      },
      {
        paperName: 'Value',
        canonical: 'Social Intelligence/Value/Alignment',
        description: 'Moral, ethical, or cultural principles guiding behavior and judgment.',
      },
      {
        paperName: 'Bias',
        canonical: 'Social Intelligence/Bias',
        description: 'Deviations in judgment or data caused by subjective factors.',
      },
      {
        paperName: 'Norms',
        canonical: 'Social Intelligence/Norms',
        description: 'Shared social expectations and rules of appropriate behavior.',
      },
    ],
  },
];
