/** The fixed set of topics a note can belong to, in the order the home page shows them. */
export const TOPICS = [
  {
    id: 'model-deployment',
    label: 'Model deployment',
    summary: 'Updating SageMaker endpoints safely: guardrails, traffic shifting, rollback and shadow tests.',
  },
  {
    id: 'containers',
    label: 'Containers and Kubernetes',
    summary: 'Docker images for SageMaker, and running Kubernetes on AWS with Amazon EKS.',
  },
  {
    id: 'infrastructure',
    label: 'Networking and access',
    summary: 'VPCs, Availability Zones, Auto Scaling groups and IAM roles underneath every ML workload.',
  },
  {
    id: 'orchestration',
    label: 'Events and orchestration',
    summary: 'Reacting to events and running pipelines and jobs: EventBridge, Step Functions, AWS Batch.',
  },
  {
    id: 'deep-learning-frameworks',
    label: 'Deep learning frameworks',
    summary: 'Open-source tools for distributed and declarative deep learning: Horovod and Ludwig.',
  },
] as const;

export type Topic = (typeof TOPICS)[number];
export type TopicId = Topic['id'];

export const TOPIC_IDS = TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]];

/** Returns the topic with this id; throws on an unknown id so a typo cannot render an empty group. */
export function getTopic(id: string): Topic {
  const topic = TOPICS.find((candidate) => candidate.id === id);
  if (!topic) throw new Error(`Unknown topic "${id}". Known topics: ${TOPIC_IDS.join(', ')}.`);
  return topic;
}
