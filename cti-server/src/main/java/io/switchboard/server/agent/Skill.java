package io.switchboard.server.agent;

/** One skill of an agent with its proficiency, 1 (novice) to 10 (expert). */
public record Skill(String skill, int proficiency) {}
