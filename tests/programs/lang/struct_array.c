/* Arrays of structs, sorted by a member. */
#include <stdio.h>
#include <string.h>

struct person {
    char name[12];
    int age;
};

int main(void) {
    struct person people[5];
    strcpy(people[0].name, "ada"); people[0].age = 36;
    strcpy(people[1].name, "brian"); people[1].age = 29;
    strcpy(people[2].name, "carol"); people[2].age = 51;
    strcpy(people[3].name, "dennis"); people[3].age = 30;
    strcpy(people[4].name, "edsger"); people[4].age = 44;
    int i, j;
    for (i = 1; i < 5; i++) {
        struct person key = people[i];
        for (j = i - 1; j >= 0 && people[j].age > key.age; j--)
            people[j + 1] = people[j];
        people[j + 1] = key;
    }
    for (i = 0; i < 5; i++)
        printf("%s %d\n", people[i].name, people[i].age);
    printf("%d\n", (int)(sizeof people / sizeof people[0]));
    return 0;
}
